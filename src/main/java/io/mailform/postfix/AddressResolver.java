package io.mailform.postfix;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Postfix's address resolver (trivial-rewrite's resolve_addr) as smtpd and qmgr apply it to an envelope recipient:
 * where mail for an address really goes, and to which address. Local domains are stripped and what is left is read
 * again, so that routing forms hiding another destination behind a local domain come to light: {@code user%domain}
 * (allow_percent_hack), {@code domain!user} (swap_bangpath) and a quoted local part holding an address
 * (resolve_dequoted_address). A trailing dot of a domain is dropped, an empty local part becomes MAILER-DAEMON. An
 * address whose final domain is no valid host name or address literal has bad syntax (resolve_numeric_domain = no),
 * and so has one that begins with '-' (allow_min_user = no).
 * The one reading of these rules for the runtime's SMTP server and its tests; Postfix's defaults throughout.
 */
public final class AddressResolver {
    private static final String EMPTY_ADDRESS = "MAILER-DAEMON";
    private static final int EXTRA_ROUNDS = 100;

    private final Predicate<String> isLocalDomain;
    private final String myhostname;

    /**
     * @param isLocalDomain Postfix's resolve_local: true for a local domain (mydestination), in any case
     * @param myhostname the domain an address without any domain resolves in
     */
    public AddressResolver(Predicate<String> isLocalDomain, String myhostname) {
        this.isLocalDomain = isLocalDomain;
        this.myhostname = myhostname;
    }

    /** Where mail for an address goes: its local part and domain after resolution, and whether that is local. */
    public record Resolved(String localPart, String domain, boolean local) {
        /** The address in Postfix's internal (unquoted) form. */
        public String address() {
            return localPart + "@" + domain;
        }
    }

    /**
     * @param address an address in Postfix's internal (unquoted) form, as smtpd extracts it from RCPT TO
     * @return where it resolves to; empty when Postfix rejects its syntax
     */
    public Optional<Resolved> resolve(String address) {
        Parts parts = Parts.of(withoutSourceRoute(address));
        boolean stripped = false;
        String savedDomain = null;
        for (int round = 0; round <= address.length() + EXTRA_ROUNDS; round++) {
            parts = parts.withoutTrailingDot();
            if (parts.domain() != null) {
                if (!parts.domain().isEmpty() && !isLocalDomain.test(parts.domain())) {
                    return valid(parts, false);
                }
                savedDomain = parts.domain();
                stripped = true;
                parts = new Parts(parts.local(), null);
            }
            if (!parts.isQuoted() && hasRoutingOperator(parts.local())) {
                parts = unquotedRouting(parts.local());
            } else if (parts.isQuoted() && hasRoutingOperator(parts.local())) {
                parts = quotedRouting(parts.local());
            } else if (parts.local().isEmpty()) {
                parts = new Parts(EMPTY_ADDRESS, null);
            } else if (!stripped) {
                parts = new Parts(parts.local(), myhostname);
            } else {
                return valid(new Parts(parts.local(), savedDomain), true);
            }
        }
        // Postfix gives up on a pathological address as well.
        return Optional.empty();
    }

    /**
     * Postfix's rewrite to canonical form (rewrite_tree) of an address without a domain: a source route dropped,
     * {@code site!user} becomes user@site, else the last % an @, else the address gets {@code @myorigin}. A local
     * part that is no dot-string is a quoted string to Postfix, whose ! and % count for nothing here.
     */
    public static String canonical(String address, String myorigin) {
        String text = withoutSourceRoute(address);
        if (text.indexOf('@') >= 0) {
            return text;
        }
        if (Parts.isDotString(text)) {
            int bang = text.indexOf('!');
            if (bang >= 0) {
                return text.substring(bang + 1) + "@" + text.substring(0, bang);
            }
            int percent = text.lastIndexOf('%');
            if (percent >= 0) {
                return text.substring(0, percent) + "@" + text.substring(percent + 1);
            }
        }
        return text + "@" + myorigin;
    }

    /**
     * The address as Postfix writes it on the wire (quote_822_local): a local part that is no RFC 822 dot-string is
     * written as a quoted string, e.g. {@code "a b"@remote.test} or {@code ""@remote.test}; 8-bit characters need no
     * quotes.
     */
    public static String externalForm(String address) {
        int at = address.lastIndexOf('@');
        String localPart = at < 0 ? address : address.substring(0, at);
        if (Parts.isDotString(localPart)) {
            return address;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            if (c == '"' || c == '\\' || c == '\r') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        quoted.append('"');
        return at < 0 ? quoted.toString() : quoted + address.substring(at);
    }

    /** Postfix strips an RFC 821 source route ({@code @a,@b:user@domain}) before anything else. */
    static String withoutSourceRoute(String address) {
        int colon = address.indexOf(':');
        return address.startsWith("@") && colon > 0 ? address.substring(colon + 1) : address;
    }

    private static boolean hasRoutingOperator(String local) {
        return local.indexOf('@') >= 0 || local.indexOf('!') >= 0 || local.indexOf('%') >= 0;
    }

    /** rewrite_tree on a local part without domain: {@code site!user} becomes user@site, else the last % an @. */
    private static Parts unquotedRouting(String local) {
        int bang = local.indexOf('!');
        if (bang >= 0) {
            return Parts.of(local.substring(bang + 1) + "@" + local.substring(0, bang));
        }
        int percent = local.lastIndexOf('%');
        return Parts.of(local.substring(0, percent) + "@" + local.substring(percent + 1));
    }

    /**
     * A quoted local part is opened when it holds a routing operator: the last @, else the last % (as an @), else
     * the bang path.
     */
    private static Parts quotedRouting(String local) {
        int at = local.lastIndexOf('@');
        if (at < 0) {
            at = local.lastIndexOf('%');
        }
        if (at >= 0) {
            return Parts.of(local.substring(0, at) + "@" + local.substring(at + 1));
        }
        return unquotedRouting(local);
    }

    /**
     * The final domain must be a host name or an address literal; and an address that begins with '-' is refused
     * (allow_min_user = no), as a command may take it for an option.
     */
    private static Optional<Resolved> valid(Parts parts, boolean local) {
        String domain = parts.domain();
        boolean valid = domain.startsWith("[") ? HostSyntax.isMailhostLiteral(domain) : HostSyntax.isUtf8Hostname(domain);
        return valid && !parts.local().startsWith("-") ? Optional.of(new Resolved(parts.local(), domain, local))
            : Optional.empty();
    }

    /**
     * An address as Postfix's tokenizer sees it: the local part up to the last @ and the domain after it (null when
     * there is no @). A local part that is no RFC 822 dot-string is one quoted string, whose routing operators count
     * only once it is opened.
     */
    private record Parts(String local, String domain) {
        static Parts of(String address) {
            int at = address.lastIndexOf('@');
            return at < 0 ? new Parts(address, null) : new Parts(address.substring(0, at), address.substring(at + 1));
        }

        Parts withoutTrailingDot() {
            if (domain != null && domain.length() > 1 && domain.endsWith(".")
                    && domain.charAt(domain.length() - 2) != '.') {
                return new Parts(local, domain.substring(0, domain.length() - 1));
            }
            return this;
        }

        boolean isQuoted() {
            return !isDotString(local);
        }

        /** quote_822_local's test: atoms separated by single dots, without RFC 822 specials; 8-bit is left alone. */
        static boolean isDotString(String text) {
            if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c < 32 || c == 127 || "()<>@,;:\\\"[]".indexOf(c) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
