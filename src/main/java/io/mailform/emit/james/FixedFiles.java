package io.mailform.emit.james;

import io.mailform.emit.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files whose content does not depend on the description: James's repositories and services set up as the
 * runtime needs them, and the protocols Postfix does not have (POP3, LMTP, ManageSieve, JMAP, webadmin, JMX) turned
 * off, so that stock James started on the same directory keeps them off too.
 */
final class FixedFiles {
    private FixedFiles() {
    }

    static Map<String, OutputFile> of(String origin) {
        Map<String, OutputFile> files = new LinkedHashMap<>();
        files.put("conf/usersrepository.xml", xml(origin, XmlElement.of("usersrepository")
                        .attribute("name", "LocalUsers")
                        .add("algorithm", "PBKDF2-SHA512")
                        .add("enableVirtualHosting", "false")
                        .add("enableForwarding", "true"),
                "Users are local accounts reachable in every local domain, as with Postfix's local(8); the accounts",
                "themselves are in provisioning.json."));
        files.put("conf/recipientrewritetable.xml", xml(origin, XmlElement.of("recipientrewritetable")
                        .add("recursiveMapping", "true")
                        .add("mappingLimit", "10"),
                "Aliases resolve recursively, like aliases(5); the mappings themselves are in provisioning.json."));
        files.put("conf/dnsservice.xml", xml(origin, XmlElement.of("dnsservice")
                        .add("autodiscover", "true")
                        .add("authoritative", "false")
                        .add("maxcachesize", "50000"),
                "The host's resolvers, as Postfix uses them."));
        files.put("conf/mailrepositorystore.xml", xml(origin, XmlElement.of("mailrepositorystore")
                        .add("defaultProtocol", "memory")
                        .add(XmlElement.of("mailrepositories").add(XmlElement.of("mailrepository")
                                .attribute("class", "org.apache.james.mailrepository.memory.MemoryMailRepository")
                                .add(XmlElement.of("protocols").add("protocol", "memory")))),
                "Mail that cannot be delivered is kept in memory by the memory server."));
        files.put("conf/listeners.xml", xml(origin, XmlElement.of("listeners"),
                "No mailbox listeners beyond James's own."));
        files.put("conf/pop3server.xml", xml(origin, XmlElement.of("pop3servers")
                .add(XmlElement.of("pop3server").attribute("enabled", "false")), "POP3 is off."));
        files.put("conf/lmtpserver.xml", xml(origin, XmlElement.of("lmtpservers")
                .add(XmlElement.of("lmtpserver").attribute("enabled", "false")), "LMTP is off."));
        files.put("conf/managesieveserver.xml", xml(origin, XmlElement.of("managesieveservers")
                .add(XmlElement.of("managesieveserver").attribute("enabled", "false")), "ManageSieve is off."));
        files.put("conf/healthcheck.properties", properties(origin, "",
                "James's health checks with their defaults; present so that James does not warn about its absence."));
        files.put("conf/jmap.properties", properties(origin, "enabled=false\n", "JMAP is off."));
        files.put("conf/webadmin.properties", properties(origin, "enabled=false\n", "The web administration is off."));
        files.put("conf/jmx.properties", properties(origin, "jmx.enabled=false\n", "JMX is off."));
        return files;
    }

    private static OutputFile xml(String origin, XmlElement root, String... about) {
        return XmlDocument.file(Header.of(origin, about), root, OutputFile.PUBLIC);
    }

    private static OutputFile properties(String origin, String body, String... about) {
        String text = Header.of(origin, about).asPropertiesComment() + body;
        return new OutputFile(text.getBytes(StandardCharsets.UTF_8), OutputFile.PUBLIC);
    }
}
