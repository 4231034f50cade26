package io.mailform.runtime.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Envelope addresses from a grammar of the forms that servers read differently, every choice taken from the fuzzer's
 * bytes: local parts (names of the description in any case, with delimiter extensions, dots in every position, quoted
 * strings with specials, escapes and {@code @}, {@code %} and {@code !} routing, specials and backslashes unquoted,
 * empty, over-long, 8-bit and UTF-8), domains (the local ones with case and dot variants, the host name, routed and
 * remote ones, address literals, malformed labels and names, over-long, IDN and 8-bit), source routes, comments, two
 * {@code @}, the null address and the forms the seeds name.
 *
 * <p>Every choice is one byte of the input ({@link Choices}), so that an input can also be written for a known sequence
 * of choices; option 0 is always the plainest, as an exhausted input gives 0. Each address carries its shape: the
 * productions it was made of, without the names and lengths chosen, e.g. {@code local:name-user,ext domain=local
 * case:upper}.
 */
final class AddressGrammar {
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
    private static final String SPECIALS = "()<>[]:;@\\,\" ";
    private static final int[] LOCAL_LENGTHS = {63, 64, 65, 255, 256, 1000, 2100};
    private static final int[] DOMAIN_LENGTHS = {253, 254, 255, 256, 1000};
    private static final String[] LITERALS = {"[127.0.0.1]", "[127.0.0.2]", "[10.20.0.1]", "[192.0.2.1]",
        "[IPv6:::1]", "[IPv6:2001:db8::1]", "[ipv6:::1]", "[IPv6:::ffff:127.0.0.1]", "[1.2.3]", "[300.1.1.1]",
        "[127.1]", "[example.org]", "[]", "[ 127.0.0.1 ]", "[127.0.0.1].", "[0x7f.0.0.1]", "127.0.0.1", "[::1]",
        "[IPv6:1:2:3:4:5:6:7:8:9]", "[192.0.2.1:25]"};
    private static final String[] MALFORMED_DOMAINS = {"bad_.example.org", "_dmarc.example.org", "ex_ample.org",
        "-bad.example", "bad-.example", "example..org", ".example.org", "example.123", "1.2.3.999", "123",
        "example", "ex--ample.org", "1example.org", "exa%mple.org", "exa!mple.org", "exa+mple.org", "\"example.org\"",
        "exa mple.org", "xn--.example", "xn--zz-.example", "EXAMPLE.ORG..", "a.b", "example.org:25", "x.-.example",
        "example.org-", "ex\\ample.org", "exa(mple).org"};
    private static final String[] TAGS = {"tag", "", "a+b", "x-y", "TAG", "with.dot", "1"};

    private final AddressVocabulary words;
    private final List<String> seeds;

    AddressGrammar(AddressVocabulary words) {
        this.words = words;
        this.seeds = seedForms(words);
    }

    /**
     * One address as generated: its bytes (held one byte per char, so 8-bit text that is no UTF-8 survives) and its
     * shape.
     */
    record Generated(String bytes, String shape) {
        byte[] raw() {
            return bytes.getBytes(StandardCharsets.ISO_8859_1);
        }

        /** The address as UTF-8 text where it is, with any other byte as \xNN. */
        String text() {
            return Printable.of(raw());
        }
    }

    AddressVocabulary words() {
        return words;
    }

    /** The forms every run starts from: CaseGenerator's relay tricks, the aliases' targets, forms users sent. */
    List<String> seeds() {
        return seeds;
    }

    /** What follows {@code RCPT TO:}. */
    Generated recipient(Choices data) {
        return new Builder(data).argument();
    }

    /** What follows {@code MAIL FROM:}: mostly a plain sender or the null sender, else any address of the grammar. */
    Generated sender(Choices data) {
        Builder builder = new Builder(data);
        switch (builder.weighted(30, 20, 15, 35)) {
            case 0 -> {
                builder.shape("sender:remote");
                builder.text.append("<someone@remote.example>");
            }
            case 1 -> {
                builder.shape("sender:local-user");
                builder.text.append('<').append(builder.pick(words.users())).append('@').append(words.mailName())
                    .append('>');
            }
            case 2 -> {
                builder.shape("sender:null");
                builder.text.append("<>");
            }
            default -> {
                builder.shape("sender:grammar");
                return builder.argument();
            }
        }
        return builder.done();
    }

    static List<String> seedForms(AddressVocabulary words) {
        String home = words.mailName();
        String user = words.users().isEmpty() ? "alice" : words.users().get(0);
        String split = user.length() < 2 ? user + ".." : user.charAt(0) + ".." + user.substring(1);
        List<String> forms = new ArrayList<>(List.of(
            // CaseGenerator's relay tricks
            "friend%remote.example@" + home, "remote.example!friend@" + home, "@" + home + ":friend@remote.example",
            "\"friend@remote.example\"@" + home, "friend@remote.example@" + home, "friend@remote.example.",
            // forms users sent in, as sent and with a user of the description
            "ca..rol@example.org", "carol@bad_.example.org", split + "@" + home, user + "@bad_." + home,
            "." + user + "@" + home, user + ".@" + home, "\"" + user + "\"@" + home, "\"" + split + "\"@" + home,
            user + "@[127.0.0.1]", user + "@[IPv6:::1]", user + "(comment)@" + home,
            "@a.example,@b.example:" + user + "@" + home, user + "@" + home.toUpperCase(Locale.ROOT) + ".",
            user + "@-bad.example", user + "@" + home + "@remote.example", user.toUpperCase(Locale.ROOT) + "@" + home,
            user + "+tag@" + home, user + "-tag@" + home, "\"a b\"@" + home, "\"a\\\"b\"@" + home,
            "a!b%c@" + home, ""));
        for (String target : words.aliasTargets()) {
            forms.add(target.contains("@") ? target : target + "@" + home);
            forms.add(target);
        }
        return List.copyOf(new LinkedHashSet<>(forms));
    }

    /** One address being generated: its text, and the productions chosen on the way. */
    private final class Builder {
        private final Choices data;
        private final StringBuilder text = new StringBuilder();
        private final List<String> shape = new ArrayList<>();

        Builder(Choices data) {
            this.data = data;
        }

        Generated done() {
            return new Generated(text.toString(), String.join(" ", shape));
        }

        void shape(String production) {
            shape.add(production);
        }

        int choose(int options) {
            return data.choose(options);
        }

        /** An option by weight; the weights add up to at most 256, so that one byte decides. */
        int weighted(int... weights) {
            int total = 0;
            for (int weight : weights) {
                total += weight;
            }
            int value = choose(total);
            for (int option = 0; option < weights.length; option++) {
                value -= weights[option];
                if (value < 0) {
                    return option;
                }
            }
            return weights.length - 1;
        }

        <T> T pick(List<T> values) {
            return values.get(choose(values.size()));
        }

        String pick(String[] values) {
            return values[choose(values.length)];
        }

        Generated argument() {
            switch (weighted(86, 4, 3, 2, 2, 1, 2)) {
                case 0 -> bracketed("", "");
                case 1 -> {
                    shape("argument:bare");
                    address();
                }
                case 2 -> {
                    shape("argument:space");
                    bracketed(" ", "");
                }
                case 3 -> {
                    shape("argument:comment-after");
                    bracketed("", " (" + pick(new String[] {"note", "a b", "x)y"}) + ")");
                }
                case 4 -> {
                    shape("argument:unclosed");
                    text.append('<');
                    address();
                }
                case 5 -> {
                    shape("argument:nested");
                    text.append("<<");
                    address();
                    text.append(">>");
                }
                default -> {
                    shape("argument:tab");
                    bracketed("", "\t");
                }
            }
            return done();
        }

        private void bracketed(String before, String after) {
            text.append(before).append('<');
            address();
            text.append('>').append(after);
        }

        void address() {
            switch (weighted(50, 10, 7, 6, 5, 5, 3, 3, 3, 4, 4)) {
                case 0 -> mailbox();
                case 1 -> {
                    shape("address:seed");
                    text.append(pick(seeds));
                }
                case 2 -> {
                    shape("address:local-only");
                    local();
                }
                case 3 -> {
                    shape("address:route");
                    route();
                    mailbox();
                }
                case 4 -> {
                    shape("address:two-at");
                    mailbox();
                    text.append('@');
                    domain();
                }
                case 5 -> commented();
                case 6 -> shape("address:empty");
                case 7 -> {
                    shape("address:free");
                    free();
                }
                case 8 -> {
                    shape("address:no-domain");
                    local();
                    text.append('@');
                }
                case 9 -> {
                    shape("address:no-local");
                    text.append('@');
                    domain();
                }
                default -> {
                    shape("address:alias-target");
                    String target = pick(words.aliasTargets().isEmpty() ? List.of("alice") : words.aliasTargets());
                    text.append(target);
                    if (!target.contains("@") && choose(2) == 1) {
                        text.append('@').append(words.mailName());
                    }
                }
            }
        }

        private void mailbox() {
            local();
            text.append('@');
            domain();
        }

        private void route() {
            int hops = 1 + choose(3);
            shape("route:" + hops);
            for (int hop = 0; hop < hops; hop++) {
                text.append(hop == 0 ? "@" : ",@");
                domain();
            }
            text.append(':');
        }

        private void commented() {
            String comment = pick(new String[] {"(comment)", "(a (nested) one)", "(x\\)y)", "()", "(@example.org)"});
            switch (choose(4)) {
                case 0 -> {
                    shape("comment:after-local");
                    local();
                    text.append(comment).append('@');
                    domain();
                }
                case 1 -> {
                    shape("comment:after-domain");
                    mailbox();
                    text.append(comment);
                }
                case 2 -> {
                    shape("comment:before");
                    text.append(comment);
                    mailbox();
                }
                default -> {
                    shape("comment:in-domain");
                    local();
                    text.append('@').append(comment);
                    domain();
                }
            }
        }

        private void free() {
            String free = data.text(40);
            for (char c : free.toCharArray()) {
                if (c != '\r' && c != '\n' && c != 0) {
                    text.append(c);
                }
            }
        }

        void local() {
            switch (weighted(40, 10, 10, 6, 5, 5, 5, 5, 4, 3, 3, 4)) {
                case 0 -> name("local");
                case 1 -> dotted();
                case 2 -> quoted();
                case 3 -> {
                    shape("local:percent");
                    name("local");
                    int hops = 1 + choose(2);
                    for (int hop = 0; hop < hops; hop++) {
                        text.append('%');
                        domain();
                    }
                }
                case 4 -> {
                    shape("local:bang");
                    domain();
                    text.append('!');
                    if (choose(3) == 2) {
                        domain();
                        text.append('!');
                    }
                    name("local");
                }
                case 5 -> {
                    shape("local:atext-special");
                    String name = nameText();
                    int at = choose(name.length() + 1);
                    text.append(name, 0, at).append(ATEXT_SPECIALS.charAt(choose(ATEXT_SPECIALS.length())))
                        .append(name.substring(at));
                }
                case 6 -> {
                    int length = LOCAL_LENGTHS[choose(LOCAL_LENGTHS.length)];
                    shape("local:long-" + (length <= 64 ? length : length < 1000 ? "over-255" : "over-1000"));
                    String name = nameText();
                    text.append(name);
                    text.append("x".repeat(Math.max(0, length - name.length())));
                }
                case 7 -> eightBit("local");
                case 8 -> {
                    shape("local:backslash");
                    String name = nameText();
                    int at = choose(name.length() + 1);
                    char escaped = pick(new String[] {"i", "@", "\\", " ", "\"", "."}).charAt(0);
                    text.append(name, 0, at).append('\\').append(escaped).append(name.substring(at));
                }
                case 9 -> {
                    shape("local:mixed-words");
                    if (choose(2) == 0) {
                        text.append('"').append(nameText()).append("\".").append(nameText());
                    } else {
                        text.append(nameText()).append(".\"").append(nameText()).append('"');
                    }
                }
                case 10 -> {
                    shape("local:free");
                    String free = data.text(20);
                    for (char c : free.toCharArray()) {
                        if (ATEXT_SPECIALS.indexOf(c) >= 0 || Character.isLetterOrDigit(c) || c == '.') {
                            text.append(c);
                        }
                    }
                }
                default -> {
                    String name = nameText();
                    char special = SPECIALS.charAt(choose(SPECIALS.length()));
                    shape("local:special-unquoted");
                    int at = choose(name.length() + 1);
                    text.append(name, 0, at).append(special).append(name.substring(at));
                }
            }
        }

        /** A name of the description in some case, with or without an extension. */
        private void name(String where) {
            StringBuilder production = new StringBuilder(where + ":name-");
            String name;
            switch (weighted(30, 25, 20, 15, 10)) {
                case 0 -> {
                    production.append("user");
                    name = pick(words.users());
                }
                case 1 -> {
                    production.append("alias");
                    name = pick(words.aliases());
                }
                case 2 -> {
                    production.append("role");
                    name = pick(words.roles());
                }
                case 3 -> {
                    production.append("unknown");
                    name = pick(AddressVocabulary.UNKNOWN_NAMES);
                }
                default -> {
                    production.append("target");
                    String target = pick(words.aliasTargets().isEmpty() ? List.of("alice") : words.aliasTargets());
                    name = target.contains("@") ? target.substring(0, target.indexOf('@')) : target;
                }
            }
            switch (weighted(70, 15, 10, 5)) {
                case 1 -> {
                    production.append(",upper");
                    name = name.toUpperCase(Locale.ROOT);
                }
                case 2 -> {
                    production.append(",capital");
                    name = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
                }
                case 3 -> {
                    production.append(",mixed");
                    StringBuilder mixed = new StringBuilder();
                    for (int i = 0; i < name.length(); i++) {
                        char c = name.charAt(i);
                        mixed.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
                    }
                    name = mixed.toString();
                }
                default -> {
                }
            }
            text.append(name);
            extension(production);
            shape(production.toString());
        }

        private void extension(StringBuilder production) {
            String delimiters = words.delimiters().isEmpty() ? "+" : words.delimiters();
            switch (weighted(60, 25, 5, 5, 5)) {
                case 1 -> {
                    production.append(",ext");
                    text.append(delimiters.charAt(choose(delimiters.length()))).append(pick(TAGS));
                }
                case 2 -> {
                    production.append(",ext-empty");
                    text.append(delimiters.charAt(choose(delimiters.length())));
                }
                case 3 -> {
                    production.append(",ext-twice");
                    text.append(delimiters.charAt(choose(delimiters.length()))).append(pick(TAGS))
                        .append(delimiters.charAt(choose(delimiters.length()))).append(pick(TAGS));
                }
                case 4 -> {
                    production.append(",ext-of-name");
                    text.append(delimiters.charAt(choose(delimiters.length()))).append(pick(words.names()));
                }
                default -> {
                }
            }
        }

        private String nameText() {
            return pick(words.names());
        }

        private void dotted() {
            String name = nameText();
            switch (choose(6)) {
                case 0 -> {
                    shape("local:dot-double");
                    int at = 1 + choose(Math.max(1, name.length() - 1));
                    text.append(name, 0, Math.min(at, name.length())).append("..")
                        .append(name.substring(Math.min(at, name.length())));
                }
                case 1 -> {
                    shape("local:dot-leading");
                    text.append('.').append(name);
                }
                case 2 -> {
                    shape("local:dot-trailing");
                    text.append(name).append('.');
                }
                case 3 -> {
                    shape("local:dot-inner");
                    int at = 1 + choose(Math.max(1, name.length() - 1));
                    text.append(name, 0, Math.min(at, name.length())).append('.')
                        .append(name.substring(Math.min(at, name.length())));
                }
                case 4 -> {
                    shape("local:dot-only");
                    text.append(".".repeat(1 + choose(3)));
                }
                default -> {
                    shape("local:dot-around");
                    text.append('.').append(name).append('.');
                }
            }
        }

        private void quoted() {
            String name = nameText();
            switch (choose(9)) {
                case 0 -> {
                    shape("local:quoted-name");
                    text.append('"').append(name).append('"');
                }
                case 1 -> {
                    shape("local:quoted-space");
                    text.append('"').append(name).append(' ').append(nameText()).append('"');
                }
                case 2 -> {
                    shape("local:quoted-special");
                    char special = "()<>[]:;@,.".charAt(choose(11));
                    text.append('"').append(name).append(special).append(nameText()).append('"');
                }
                case 3 -> {
                    shape("local:quoted-escaped-quote");
                    text.append('"').append(name).append("\\\"").append('"');
                }
                case 4 -> {
                    shape("local:quoted-escaped-backslash");
                    text.append('"').append(name).append("\\\\").append('"');
                }
                case 5 -> {
                    shape("local:quoted-address");
                    text.append('"').append(name).append('@');
                    domain();
                    text.append('"');
                }
                case 6 -> {
                    shape("local:quoted-empty");
                    text.append("\"\"");
                }
                case 7 -> {
                    shape("local:quoted-dots");
                    text.append('"').append('.').append(name).append("..").append('"');
                }
                default -> {
                    shape("local:quoted-escaped-char");
                    text.append('"').append('\\').append(name).append('"');
                }
            }
        }

        private void eightBit(String where) {
            String name = nameText();
            String[] kinds = {"latin1", "utf8", "utf8-cjk", "utf8-invalid", "control", "del"};
            int kind = choose(kinds.length);
            shape(where + ":8bit-" + kinds[kind]);
            String insert = switch (kind) {
                case 0 -> "\u00e9";
                case 1 -> bytesOf("\u00e9");
                case 2 -> bytesOf("\u7528\u6237");
                case 3 -> "\u00c3";
                case 4 -> "\u0001";
                default -> "\u007f";
            };
            int at = choose(name.length() + 1);
            text.append(name, 0, at).append(insert).append(name.substring(at));
        }

        void domain() {
            switch (weighted(35, 8, 10, 12, 10, 15, 5, 5)) {
                case 0 -> {
                    shape("domain=local");
                    variant(pick(words.localDomains()));
                }
                case 1 -> {
                    boolean hostname = choose(2) == 0;
                    shape(hostname ? "domain=hostname" : "domain=localhost");
                    variant(hostname ? words.hostname() : "localhost");
                }
                case 2 -> routed();
                case 3 -> remote();
                case 4 -> {
                    String literal = pick(LITERALS);
                    shape("domain=literal:" + literal.replaceAll("[0-9a-fA-F]+", "n"));
                    text.append(literal);
                }
                case 5 -> {
                    shape("domain=malformed:" + choiceOfMalformed());
                }
                case 6 -> {
                    String[] names = {"b\u00fccher.example", "\u4f8b\u3048.\u30c6\u30b9\u30c8", "xn--bcher-kva.example",
                        "ex\u00e4mple.org"};
                    int which = choose(names.length);
                    String[] kinds = {"idn-utf8", "idn-utf8-cjk", "punycode", "latin1"};
                    shape("domain=" + kinds[which]);
                    text.append(which == 3 ? names[which] : bytesOf(names[which]));
                }
                default -> {
                    int length = DOMAIN_LENGTHS[choose(DOMAIN_LENGTHS.length)];
                    boolean label = choose(2) == 0;
                    shape("domain=long-" + (label ? "label" : "name-" + (length < 256 ? length : "over-255")));
                    if (label) {
                        text.append("x".repeat(63 + choose(2))).append('.').append(pick(words.localDomains()));
                    } else {
                        String base = pick(AddressVocabulary.REMOTE_DOMAINS);
                        StringBuilder name = new StringBuilder();
                        while (name.length() + base.length() < length) {
                            name.append("a".repeat(Math.min(50, length - base.length() - name.length() - 1)))
                                .append('.');
                        }
                        text.append(name).append(base);
                    }
                }
            }
        }

        private String choiceOfMalformed() {
            int which = choose(MALFORMED_DOMAINS.length);
            text.append(MALFORMED_DOMAINS[which]);
            return MALFORMED_DOMAINS[which].replaceAll("[a-z]+", "a").replaceAll("[0-9]+", "9");
        }

        private void routed() {
            String domain = words.routedDomains().isEmpty() ? "routed.example" : pick(words.routedDomains());
            switch (choose(3)) {
                case 0 -> {
                    shape("domain=routed");
                    variant(domain);
                }
                case 1 -> {
                    shape("domain=routed-sub");
                    text.append("sub.").append(domain);
                }
                default -> {
                    shape("domain=routed-parent");
                    text.append(domain.substring(domain.indexOf('.') + 1));
                }
            }
        }

        private void remote() {
            switch (choose(3)) {
                case 0 -> {
                    shape("domain=remote");
                    variant(pick(AddressVocabulary.REMOTE_DOMAINS));
                }
                case 1 -> {
                    shape("domain=local-sub");
                    text.append("sub.").append(pick(words.localDomains()));
                }
                default -> {
                    shape("domain=local-parent");
                    String local = pick(words.localDomains());
                    text.append(local.contains(".") ? local.substring(local.indexOf('.') + 1) : local + ".example");
                }
            }
        }

        /** The domain as it is, or in other case, or with dots around it. */
        private void variant(String domain) {
            switch (weighted(65, 10, 5, 10, 3, 3, 4)) {
                case 1 -> {
                    shape("case:upper");
                    text.append(domain.toUpperCase(Locale.ROOT));
                }
                case 2 -> {
                    shape("case:mixed");
                    text.append(Character.toUpperCase(domain.charAt(0))).append(domain.substring(1));
                }
                case 3 -> {
                    shape("dot:trailing");
                    text.append(domain).append('.');
                }
                case 4 -> {
                    shape("dot:trailing-two");
                    text.append(domain).append("..");
                }
                case 5 -> {
                    shape("dot:leading");
                    text.append('.').append(domain);
                }
                case 6 -> {
                    shape("dot:trailing-upper");
                    text.append(domain.toUpperCase(Locale.ROOT)).append('.');
                }
                default -> text.append(domain);
            }
        }
    }

    /** The UTF-8 bytes of {@code text}, one char per byte. */
    private static String bytesOf(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
