package io.mailform.runtime.smtp;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;

import io.mailform.runtime.address.MailSettings;

/** The domain appended to bare envelope addresses: the mail name when set, else James's default domain. */
final class MailNameQualifier {
    private final MailSettings settings;
    private final DomainList domains;

    MailNameQualifier(MailSettings settings, DomainList domains) {
        this.settings = settings;
        this.domains = domains;
    }

    String domain() {
        return settings.mailName().map(domain -> domain.asString()).orElseGet(this::defaultDomain);
    }

    private String defaultDomain() {
        try {
            return domains.getDefaultDomain().asString();
        } catch (DomainListException e) {
            return "localhost";
        }
    }
}
