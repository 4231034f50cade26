package io.mailform.emit.james;

/**
 * The addresses James 3.8.1 can hold: its MailAddress and Domain refuse some that Postfix takes (two dots in a row in
 * a local part, even quoted; a domain with an underscore or outside ASCII, a label that begins or ends with '-', a
 * top-level label that begins with a digit, an IPv6 literal, a name over 253 characters), and it fails later on
 * some it takes (an @ in a quoted local part, a quoted local part that ends in an escaped backslash). The runtime's
 * tests hold this reading to James's own classes.
 */
final class JamesAddressSyntax {
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;

    private JamesAddressSyntax() {
    }

    /** {@code address} in Postfix's external form, the local part quoted where RFC 822 needs it. */
    static boolean canHold(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 && isLocalPart(address.substring(0, at)) && isDomain(address.substring(at + 1));
    }

    /** A local part in Postfix's external form, quoted where RFC 822 needs it. */
    static boolean isLocalPart(String localPart) {
        if (localPart.contains("..")) {
            return false;
        }
        if (localPart.startsWith("\"")) {
            return localPart.length() > 2 && localPart.endsWith("\"") && isQuotedContent(localPart);
        }
        return !localPart.startsWith(".") && !localPart.endsWith(".") && isDotAtom(localPart);
    }

    /**
     * Atom characters only: MailAddress takes an escaped character outside quotes too, but javax.mail, by which James
     * sends mail on, does not.
     */
    private static boolean isDotAtom(String localPart) {
        return localPart.chars().allMatch(c -> c > 32 && c < 127 && "()<>[]\\,;:@\"".indexOf(c) < 0);
    }

    /**
     * What MailAddress takes in quotes, less two forms that fail later in James: an @ (its recipient rewrite table
     * takes the local part for a user name, which may hold none) and a backslash pair at the end (javax.mail, by
     * which its remote delivery sends, cannot read the address back).
     */
    private static boolean isQuotedContent(String quoted) {
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                i++;
                if (i >= quoted.length() - 1 || quoted.charAt(i) > 127 || quoted.charAt(i) == '@'
                        || quoted.charAt(i) == '\\' && i == quoted.length() - 2) {
                    return false;
                }
            } else if (c == '\r' || c == '\n' || c == '"' || c == 0 || c == '@') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomain(String domain) {
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN || domain.startsWith("[")) {
            return domain.startsWith("[") && isIpv4Literal(domain);
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL || isDash(label.charAt(0))
                || isDash(label.charAt(label.length() - 1))
                || !label.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return !Character.isDigit(labels[labels.length - 1].charAt(0));
    }

    /** James keeps an IPv4 literal as the bare address; it has no form for an IPv6 one. */
    private static boolean isIpv4Literal(String domain) {
        return domain.endsWith("]") && domain.substring(1, domain.length() - 1).matches("[0-9.]+");
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '_';
    }
}
