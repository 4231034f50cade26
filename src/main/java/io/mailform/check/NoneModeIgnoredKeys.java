package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mode none writes no main.cf template, only the aliases file and the parameters under {@code postfix}. Keys that
 * feed the template are then dead: they would look configured in the description while the host ignores them.
 */
final class NoneModeIgnoredKeys implements Rule {
    /** Each key the template reads, and where its setting goes in mode none instead. */
    private static final Map<String, String> INSTEAD = new LinkedHashMap<>();

    static {
        INSTEAD.put("hostname", "postfix: {myhostname: ...}");
        INSTEAD.put("mail_name", "postfix: {myorigin: ...}");
        INSTEAD.put("destinations", "postfix: {mydestination: ...}");
        INSTEAD.put("relay", "postfix: {relayhost: ...}");
        INSTEAD.put("networks", "postfix: {mynetworks: ...}");
        INSTEAD.put("procmail", "postfix: {mailbox_command: ...}");
        INSTEAD.put("mailbox_size_limit", "postfix: {mailbox_size_limit: ...}");
        INSTEAD.put("message_size_limit", "postfix: {message_size_limit: ...}");
        INSTEAD.put("recipient_delimiter", "postfix: {recipient_delimiter: ...}");
        INSTEAD.put("protocols", "postfix: {inet_protocols: ...}");
        INSTEAD.put("interfaces", "postfix: {inet_interfaces: ...}");
        INSTEAD.put("routes", "a transport map of your own");
        INSTEAD.put("tls", "postfix: {smtpd_tls_cert_file: ..., smtpd_tls_key_file: ...}");
    }

    @Override
    public Reads reads() {
        return Reads.whole(Part.MODE);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        if (system.mode() != Mode.NONE) {
            return;
        }
        INSTEAD.forEach((key, instead) -> {
            String pointer = Pointers.of(key);
            if (findings.isWritten(pointer)) {
                findings.atKey(Code.MODE_NONE_IGNORED_KEY, pointer,
                        key + " has no effect in mode none, which writes no main.cf template",
                        "choose the mode this host runs in, or set it with " + instead + ", or remove it");
            }
        });
    }
}
