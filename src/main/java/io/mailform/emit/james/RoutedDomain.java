package io.mailform.emit.james;

import io.mailform.model.DomainName;

/** A domain of {@code routes}: its mail leaves through its own processor and queue. */
record RoutedDomain(DomainName domain, Outbound outbound) {
    static String processorOf(DomainName domain) {
        return "route-" + domain.value();
    }

    /** Each RemoteDelivery needs a queue of its own, or two would send each other's mail through the wrong gateway. */
    static String queueOf(DomainName domain) {
        return "outgoing-" + processorOf(domain);
    }

    String processor() {
        return processorOf(domain);
    }
}
