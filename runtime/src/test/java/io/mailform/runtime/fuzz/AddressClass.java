package io.mailform.runtime.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an address is, read from its text rather than from how it was made, so that a seed, free text and a grammar
 * production of the same form fall into one class: its name (a user, an alias, a role account, or unknown), where its
 * domain points (a local, routed or remote domain, a literal of which kind), and each unusual trait (dots where a
 * dot-atom has none, quotes, {@code %}, {@code !}, a route, a comment, two {@code @}, specials, escapes, 8-bit, lengths
 * beyond the limits, malformed labels...). Case and the chosen names do not count, an extension does.
 */
final class AddressClass {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ATEXT_UNUSUAL = "#$&'*/=?^`{|}~";

    private final AddressVocabulary words;

    AddressClass(AddressVocabulary words) {
        this.words = words;
    }

    /** The traits of an RCPT or MAIL argument, sorted and joined by spaces, e.g. {@code dots name:user to:local}. */
    String of(AddressGrammar.Generated argument) {
        Set<String> traits = new TreeSet<>();
        String text = argument.bytes();
        String address = unwrap(text.strip(), traits);
        if (address.isEmpty()) {
            traits.add("null");
            return String.join(" ", traits);
        }
        if (address.startsWith("@")) {
            int colon = unquotedIndexOf(address, ':');
            if (colon > 0) {
                traits.add("route");
                address = address.substring(colon + 1);
            }
        }
        int at = unquotedLastIndexOf(address, '@');
        if (at < 0) {
            traits.add("no-domain");
            local(address, traits);
            return String.join(" ", traits);
        }
        if (unquotedIndexOf(address, '@') != at) {
            traits.add("two-at");
        }
        local(address.substring(0, at), traits);
        domain(address.substring(at + 1), traits);
        return String.join(" ", traits);
    }

    /** The address inside the angle brackets, noting how the argument held it. */
    private static String unwrap(String text, Set<String> traits) {
        if (!text.startsWith("<")) {
            traits.add("unbracketed");
            return text;
        }
        if (text.startsWith("<<")) {
            traits.add("nested-brackets");
            text = text.substring(1);
        }
        int end = text.lastIndexOf('>');
        if (end < 0) {
            traits.add("unclosed");
            return text.substring(1);
        }
        if (end < text.length() - 1) {
            traits.add("after-brackets");
        }
        String inside = text.substring(1, end);
        return inside.endsWith(">") ? inside.substring(0, inside.length() - 1) : inside;
    }

    private void local(String local, Set<String> traits) {
        if (local.isEmpty()) {
            traits.add("local-empty");
            return;
        }
        String bare = withoutQuotedParts(local);
        if (local.indexOf('"') >= 0) {
            traits.add("quoted");
            if (!local.startsWith("\"") || !local.endsWith("\"") || local.length() < 2) {
                traits.add("quoted-in-part");
            }
            if (quotedParts(local).matches("(?s).*[ ()<>\\[\\]:;@\\\\,.].*")) {
                traits.add("quoted-specials");
            }
        }
        if (bare.startsWith(".") || bare.endsWith(".") || bare.contains("..")) {
            traits.add("dots");
        }
        if (bare.indexOf('%') >= 0) {
            traits.add("percent");
        }
        if (bare.indexOf('!') >= 0) {
            traits.add("bang");
        }
        if (bare.indexOf('(') >= 0 || bare.indexOf(')') >= 0) {
            traits.add("comment");
        }
        if (bare.indexOf('\\') >= 0) {
            traits.add("backslash");
        }
        if (bare.matches("(?s).*[ <>\\[\\]:;,].*")) {
            traits.add("unquoted-special");
        }
        if (bare.chars().anyMatch(c -> ATEXT_UNUSUAL.indexOf(c) >= 0)) {
            traits.add("atext-special");
        }
        eightBit(local, "local", traits);
        if (local.length() > 64) {
            traits.add(local.length() > 255 ? "local-over-255" : "local-over-64");
        }
        name(unquoted(local), traits);
    }

    /** Which name of the description the local part is, without an extension and in any case. */
    private void name(String local, Set<String> traits) {
        String name = local.toLowerCase(Locale.ROOT);
        String delimiters = words.delimiters();
        int cut = -1;
        for (int i = 0; i < name.length(); i++) {
            if (delimiters.indexOf(name.charAt(i)) >= 0) {
                cut = i;
                break;
            }
        }
        String kind = kind(name);
        if (kind.equals("unknown") && cut > 0) {
            String base = kind(name.substring(0, cut));
            if (!base.equals("unknown")) {
                traits.add("extension");
                kind = base;
            }
        }
        traits.add("name:" + kind);
    }

    private String kind(String name) {
        if (words.users().stream().anyMatch(user -> user.equalsIgnoreCase(name))) {
            return "user";
        }
        if (words.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(name))) {
            return "alias";
        }
        if (words.roles().stream().anyMatch(role -> role.equalsIgnoreCase(name))) {
            return "role";
        }
        return "unknown";
    }

    private void domain(String domain, Set<String> traits) {
        if (domain.isEmpty()) {
            traits.add("domain-empty");
            return;
        }
        if (domain.indexOf('(') >= 0) {
            traits.add("comment");
            domain = domain.replaceAll("\\([^)]*\\)?\\)?", "");
        }
        if (domain.startsWith("[")) {
            literal(domain, traits);
            return;
        }
        String name = domain.toLowerCase(Locale.ROOT);
        if (name.endsWith(".") && !name.endsWith("..")) {
            traits.add("domain-trailing-dot");
            name = name.substring(0, name.length() - 1);
        }
        if (name.startsWith(".") || name.contains("..") || name.endsWith(".")) {
            traits.add("domain-empty-label");
        }
        if (name.indexOf('_') >= 0) {
            traits.add("domain-underscore");
        }
        for (String label : name.split("\\.")) {
            if (label.startsWith("-") || label.endsWith("-")) {
                traits.add("domain-hyphen");
            }
            if (label.length() > 63) {
                traits.add("domain-label-over-63");
            }
        }
        if (name.length() > 255) {
            traits.add("domain-over-255");
        }
        if (name.matches("(?s).*[%!+\"\\\\ :()<>\\[\\],;].*")) {
            traits.add("domain-special");
        }
        if (IPV4.matcher(name).matches()) {
            traits.add("domain-dotted-quad");
        } else if (name.matches("(?s)(.*\\.)?\\d+")) {
            traits.add("domain-numeric-top");
        }
        if (!name.contains(".") && !name.equals("localhost")) {
            traits.add("domain-one-label");
        }
        eightBit(domain, "domain", traits);
        traits.add("to:" + destination(name));
    }

    private String destination(String name) {
        if (words.localDomains().stream().anyMatch(local -> local.equalsIgnoreCase(name))) {
            return "local";
        }
        for (String routed : words.routedDomains()) {
            if (routed.equalsIgnoreCase(name)) {
                return "routed";
            }
            if (name.endsWith("." + routed.toLowerCase(Locale.ROOT))) {
                return "routed-sub";
            }
        }
        if (words.localDomains().stream().anyMatch(local -> name.endsWith("." + local.toLowerCase(Locale.ROOT)))) {
            return "local-sub";
        }
        return "remote";
    }

    private static void literal(String domain, Set<String> traits) {
        int end = domain.indexOf(']');
        String inside = end < 0 ? domain.substring(1) : domain.substring(1, end);
        if (end < 0 || end < domain.length() - 1) {
            traits.add("literal-trailing");
        }
        String lower = inside.toLowerCase(Locale.ROOT);
        if (lower.equals("127.0.0.1")) {
            traits.add("literal-own");
        } else if (IPV4.matcher(inside).matches() && inside.chars().filter(c -> c == '.').count() == 3
                && Arrays.stream(inside.split("\\.")).allMatch(part -> Integer.parseInt(part) < 256)) {
            traits.add("literal-ipv4");
        } else if (lower.startsWith("ipv6:")) {
            traits.add(lower.matches("ipv6:[0-9a-f:.]+") ? "literal-ipv6" : "literal-ipv6-bad");
        } else {
            traits.add("literal-bad");
        }
    }

    private static void eightBit(String text, String where, Set<String> traits) {
        if (text.chars().anyMatch(c -> c >= 0x80)) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            // Valid UTF-8 survives decoding and encoding again unchanged.
            byte[] again = new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            traits.add(where + (Arrays.equals(bytes, again) ? "-utf8" : "-8bit"));
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            traits.add(where + "-control");
        }
    }

    /** The text with its quotes and escaping backslashes taken out, as Postfix's internal form reads it. */
    private static String unquoted(String text) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                plain.append(text.charAt(++i));
            } else if (c != '"') {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    /** What the quoted strings of the text hold, escapes included. */
    private static String quotedParts(String text) {
        StringBuilder inside = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                inside.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    inside.append(text.charAt(++i));
                }
            }
        }
        return inside.toString();
    }

    /** The text with every quoted string taken out. */
    private static String withoutQuotedParts(String text) {
        StringBuilder bare = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                bare.append(c);
            }
        }
        return bare.toString();
    }

    private static int unquotedIndexOf(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static int unquotedLastIndexOf(String text, char wanted) {
        int found = -1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                found = i;
            }
        }
        return found;
    }
}
