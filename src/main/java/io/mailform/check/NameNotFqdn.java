package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.DomainName;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;

/**
 * A host or mail name without a dot: Debian's installer refuses to write myorigin for such a mail name, and a bare
 * hostname makes Postfix's mail leave as user@host, which other servers reject.
 */
final class NameNotFqdn implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.MODE, Part.HOSTNAME, Part.MAIL_NAME);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        if (system.mode() == Mode.NONE) {
            return;
        }
        system.hostname().filter(name -> !name.isFullyQualified()).ifPresent(name -> report(findings, "hostname",
                name, "write the host's full name, e.g. " + name + ".example.com"));
        system.mailName().filter(name -> !name.isFullyQualified()).ifPresent(name -> report(findings, "mail_name",
                name, "write the domain mail should come from, e.g. example.com; Debian's installer does not write"
                        + " myorigin for a name without a dot"));
    }

    private static void report(Findings findings, String key, DomainName name, String help) {
        findings.atValue(Code.NAME_NOT_FQDN, Pointers.of(key),
                key + " \"" + name + "\" is not fully qualified: it has no domain part", help);
    }
}
