package io.mailform.bind;

import io.mailform.model.AliasTarget;
import io.mailform.model.DomainName;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads alias targets as the aliases(5) syntax would: the first characters decide a target's kind. The domains of
 * addresses are shared: a large aliases table names a few domains hundreds of thousands of times.
 */
final class AliasTargets {
    private final Map<String, DomainName> domains = new HashMap<>();

    AliasTarget parse(String text) {
        if (text.startsWith("|")) {
            return new AliasTarget.Command(text.substring(1));
        }
        if (text.startsWith(":include:")) {
            return new AliasTarget.Include(text.substring(":include:".length()));
        }
        if (text.startsWith("/")) {
            return new AliasTarget.File(text);
        }
        int at = text.lastIndexOf('@');
        if (at > 0) {
            DomainName domain = domain(text.substring(at + 1));
            if (domain != null) {
                return new AliasTarget.Address(text.substring(0, at), domain);
            }
        }
        return new AliasTarget.Local(text);
    }

    /**
     * The domain written after the '@', or null when it is no domain name (the target is then a local name). One
     * trailing dot is dropped, as Postfix drops it ({@code alice@example.org.} is alice@example.org).
     */
    private DomainName domain(String text) {
        DomainName known = domains.get(text);
        if (known != null || domains.containsKey(text)) {
            return known;
        }
        String name = text.endsWith(".") && !text.endsWith("..") ? text.substring(0, text.length() - 1) : text;
        DomainName domain = DomainName.isValid(name) ? new DomainName(name) : null;
        domains.put(text, domain);
        return domain;
    }
}
