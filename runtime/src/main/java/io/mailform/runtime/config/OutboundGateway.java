package io.mailform.runtime.config;

import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Where one RemoteDelivery mailet of mailetcontainer.xml sends mail: its {@code <gateway>} (with {@code <gatewayPort>}
 * appended when the gateway names no port), or {@code direct} for delivery by MX lookup. The sandbox gives every
 * distinct destination its own capture sink under this name.
 */
public final class OutboundGateway {
    public static final String DIRECT = "direct";

    private OutboundGateway() {
    }

    static boolean isRemoteDelivery(Element mailet) {
        String type = mailet.getAttribute("class");
        return type.equals("RemoteDelivery") || type.endsWith(".RemoteDelivery");
    }

    static List<Element> remoteDeliveryMailets(Document mailetContainer) {
        return XmlFiles.descendants(mailetContainer, "mailet").stream()
            .filter(OutboundGateway::isRemoteDelivery)
            .toList();
    }

    static String nameOf(Element remoteDelivery) {
        String gateway = XmlFiles.childText(remoteDelivery, "gateway");
        if (gateway == null || gateway.isEmpty()) {
            return DIRECT;
        }
        String port = XmlFiles.childText(remoteDelivery, "gatewayPort");
        boolean namesPort = gateway.contains(":") || gateway.contains(",");
        return port == null || port.isEmpty() || namesPort ? gateway : gateway + ":" + port;
    }
}
