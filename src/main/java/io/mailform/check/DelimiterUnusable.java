package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Part;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;

/**
 * A recipient delimiter that no client can write into a local part without quoting: the specials of RFC 5322
 * ({@code @} above all, which ends the local part, and {@code ( ) < > [ ] : ; \ , "}). Postfix would never see an
 * extension split at it.
 */
final class DelimiterUnusable implements Rule {
    private static final String SPECIALS = "@()<>[]:;\\,\"";

    @Override
    public Reads reads() {
        return Reads.whole(Part.RECIPIENT_DELIMITER);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        String delimiter = system.recipientDelimiter();
        for (int i = 0; i < delimiter.length(); i++) {
            char c = delimiter.charAt(i);
            if (SPECIALS.indexOf(c) >= 0) {
                findings.atValue(Code.DELIMITER_UNUSABLE, Pointers.of("recipient_delimiter"),
                        "recipient_delimiter \"" + delimiter + "\" holds '" + c + "', which cannot stand unquoted in "
                                + "the local part of an address",
                        "use characters such as + or -, as Debian's installer suggests");
                return;
            }
        }
    }
}
