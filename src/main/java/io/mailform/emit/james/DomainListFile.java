package io.mailform.emit.james;

/** domainlist.xml: Postfix's mydestination, with James's guessing of further domains turned off. */
final class DomainListFile {
    static final String FILE = "conf/domainlist.xml";

    private DomainListFile() {
    }

    static XmlElement of(LocalDomains domains) {
        XmlElement names = XmlElement.of("domainnames");
        domains.domains().forEach(domain -> names.add("domainname", domain.value()));
        return XmlElement.of("domainlist")
                .add("autodetect", "false")
                .add("autodetectIP", "false")
                .add("defaultDomain", domains.defaultDomain().value())
                .add(names);
    }
}
