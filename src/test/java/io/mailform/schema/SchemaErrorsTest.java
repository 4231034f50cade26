package io.mailform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Diagnostic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kind of schema error, one document each: the diagnostics must be exactly the expected codes at the expected
 * places (so noise fails the test as much as a miss), and the message or help must carry the fix.
 */
class SchemaErrorsTest {
    /** A valid internet-site head; cases append to it, so their lines start at 5. */
    private static final String SITE = """
            version: 1
            mode: internet-site
            hostname: mail.example.com
            mail_name: example.com
            """;

    /**
     * @param expected code@line:column of every diagnostic, in order
     * @param mentions text that the first diagnostic's message or help must contain
     */
    record Case(String name, String yaml, List<String> expected, String mentions) {
    }

    static List<Case> cases() {
        return List.of(
                // required
                new Case("missing top-level key", "version: 1\n", List.of("schema-required@1:1"),
                        "add it, e.g. mode: internet-site"),
                new Case("missing key of a relay", SITE + "relay:\n  port: 587\n", List.of("schema-required@6:3"),
                        "the required key \"host\" is missing"),
                new Case("missing key of a route", SITE + "routes:\n  example.net:\n    tls: verify\n",
                        List.of("schema-required@7:5"), "routes[\"example.net\"]"),
                // unknown keys
                new Case("unknown top-level key with suggestion", SITE + "destinatons: [example.com]\n",
                        List.of("schema-unknown-key@5:1"), "did you mean \"destinations\"?"),
                new Case("misspelt required key is reported once", "version: 1\nmode: satellite\nhostnme: a.example\n"
                        + "mail_name: example.com\nrelay: {host: smtp.example.com}\n",
                        List.of("schema-unknown-key@3:1"), "did you mean \"hostname\"?"),
                new Case("unknown nested key", SITE + "relay:\n  host: smtp.example.com\n  prot: 587\n",
                        List.of("schema-unknown-key@7:3"), "did you mean \"port\"?"),
                new Case("unknown key without a close name lists the keys", SITE + "relay:\n  host: x.example\n"
                        + "  weight: 5\n", List.of("schema-unknown-key@7:3"), "relay takes the keys host, port"),
                new Case("inline password", SITE + "relay:\n  host: smtp.example.com\n  auth:\n    username: u\n"
                        + "    password: secret\n", List.of("schema-unknown-key@9:5"), "password_env"),
                // type
                new Case("quoted number", SITE + "relay:\n  host: smtp.example.com\n  port: \"587\"\n",
                        List.of("schema-type@7:9"), "write 587 without quotes"),
                new Case("yes is not a boolean", SITE + "procmail: yes\n", List.of("schema-type@5:11"),
                        "write true or false"),
                new Case("empty mapping value", SITE + "relay:\n", List.of("schema-type@5:7"),
                        "expected a mapping, found an empty value"),
                new Case("list item of the wrong type", SITE + "aliases:\n  team: [alice, 7]\n",
                        List.of("schema-type@6:17"), "aliases.team[1]: expected text, found 7"),
                // enum and const
                new Case("misspelt mode", "version: 1\nmode: satelite\nhostname: a.example.com\n"
                        + "mail_name: example.com\n", List.of("schema-enum@2:7"),
                        "mode: \"satelite\" is not a valid mode"),
                new Case("unknown TLS level", SITE + "relay:\n  host: smtp.example.com\n  tls: encrypted\n",
                        List.of("schema-enum@7:8"), "did you mean \"encrypt\"?"),
                new Case("other version", "version: 2\nmode: none\n", List.of("schema-enum@1:10"),
                        "the only accepted value is 1"),
                new Case("interfaces keyword", SITE + "interfaces: loopback-onyl\n", List.of("schema-enum@5:13"),
                        "did you mean \"loopback-only\"?"),
                // pattern
                new Case("host name with underscore", SITE.replace("mail.example.com", "mail_1.example.com"),
                        List.of("schema-pattern@3:11"), "hostname: \"mail_1.example.com\" is not a valid host name"),
                new Case("network prefix too long", SITE + "networks: [10.0.0.0/8, 192.0.2.0/33]\n",
                        List.of("schema-pattern@5:24"), "networks[1]"),
                new Case("IPv6 network in brackets", SITE + "networks: [\"[2001:db8::]/32\"]\n",
                        List.of("schema-pattern@5:12"), "without brackets"),
                new Case("alias name with colon", SITE + "aliases:\n  \"web:master\": alice\n",
                        List.of("schema-pattern@6:3"), "is not a valid alias name"),
                // Found by CompileFuzzTest: postalias reads a name as an address, and "a(b" is no name to it.
                new Case("alias name with an open parenthesis", SITE + "aliases:\n  \"a(b\": alice\n",
                        List.of("schema-pattern@6:3"), "is not a valid alias name"),
                new Case("alias name with percent", SITE + "aliases:\n  a%b: alice\n",
                        List.of("schema-pattern@6:3"), "is not a valid alias name"),
                new Case("route key that is no domain", SITE + "routes:\n  example_net: {host: mx.example.net}\n",
                        List.of("schema-pattern@6:3"), "is not a valid domain name"),
                new Case("size with an unknown unit", SITE + "message_size_limit: 10 XB\n",
                        List.of("schema-pattern@5:21"), "KiB"),
                new Case("relative certificate path", SITE + "tls:\n  server:\n    cert_file: mail.pem\n"
                        + "    key_file: /etc/ssl/private/mail.key\n", List.of("schema-pattern@7:16"),
                        "absolute path"),
                new Case("upper-case user name", SITE + "users:\n  - name: Alice\n", List.of("schema-pattern@6:11"),
                        "lowercase"),
                new Case("upper-case bare user name", SITE + "users:\n  - alice\n  - Bob\n",
                        List.of("schema-pattern@7:5"), "lowercase"),
                // range
                new Case("port zero", SITE + "relay:\n  host: smtp.example.com\n  port: 0\n",
                        List.of("schema-range@7:9"), "the smallest allowed value is 1"),
                new Case("port too large", SITE + "relay:\n  host: smtp.example.com\n  port: 70000\n",
                        List.of("schema-range@7:9"), "the largest allowed value is 65535"),
                // Found by FrontEndFuzzTest: a float beyond 64 bits stopped the schema validator.
                new Case("port beyond 64 bits", SITE + "relay:\n  host: smtp.example.com\n  port: 5e87\n",
                        List.of("schema-range@7:9"), "a number beyond the 64-bit range is too large"),
                new Case("negative size beyond 64 bits", SITE + "mailbox_size_limit: -1e30\n",
                        List.of("schema-range@5:21"), "a number beyond the 64-bit range is too small"),
                new Case("negative size", SITE + "mailbox_size_limit: -1\n", List.of("schema-range@5:21"),
                        "the smallest allowed value is 0"),
                new Case("alias with no targets", SITE + "aliases:\n  team: []\n", List.of("schema-range@6:9"),
                        "the list is empty"),
                new Case("user name too long", SITE + "users:\n  - name: " + "a".repeat(65) + "\n",
                        List.of("schema-range@6:11"), "at most 64 characters"),
                // unique
                new Case("opt-in named twice", SITE + "allow_alias_targets: [file, command, file]\n",
                        List.of("schema-unique@5:38"), "\"file\" is listed twice (first at line 5)"),
                new Case("interface listed twice", SITE + "interfaces:\n  - 127.0.0.1\n  - ::1\n  - 127.0.0.1\n",
                        List.of("schema-unique@8:5"), "first at line 6"),
                // choice
                new Case("number for interfaces", SITE + "interfaces: 4\n", List.of("schema-choice@5:13"),
                        "expected text or a list, found 4"),
                new Case("bracketed relay address", SITE + "relay:\n  host: \"[192.0.2.25]\"\n",
                        List.of("schema-choice@6:9"), "without brackets"),
                new Case("two password sources", SITE + "relay:\n  host: smtp.example.com\n  auth:\n"
                        + "    username: u\n    password_file: pw\n    password_env: PW\n",
                        List.of("schema-choice@8:5"), "matches more than one"),
                new Case("no password source", SITE + "relay:\n  host: smtp.example.com\n  auth:\n    username: u\n",
                        List.of("schema-choice@8:5"), "give exactly one of password_file"),
                new Case("size that is neither number nor text", SITE + "message_size_limit: [1]\n",
                        List.of("schema-choice@5:21"), "expected a whole number or text, found a list"),
                // condition
                new Case("satellite without names", "version: 1\nmode: satellite\nrelay: {host: smtp.example.com}\n",
                        List.of("schema-condition@1:1", "schema-condition@1:1"),
                        "the key \"hostname\" is required when mode is not none"),
                // opt-in guards
                new Case("command target without opt-in", SITE + "aliases:\n  tickets: \"|/usr/bin/intake\"\n",
                        List.of("alias-target-not-allowed@6:12"), "add \"command\" to allow_alias_targets"),
                new Case("file target without opt-in", SITE + "aliases:\n  archive: [alice, /var/mail/archive]\n",
                        List.of("alias-target-not-allowed@6:20"), "add \"file\" to allow_alias_targets"),
                new Case("include target without opt-in", SITE + "aliases:\n  team: \":include:/etc/team\"\n",
                        List.of("alias-target-not-allowed@6:9"), "add \"include\" to allow_alias_targets"),
                new Case("command in comma-separated root recipient", SITE + "root_recipient: \"alice, |/bin/x\"\n",
                        List.of("alias-target-not-allowed@5:17"), "has a target that pipes mail into a command"),
                new Case("opt-in for one kind only", SITE + "allow_alias_targets: [file]\naliases:\n"
                        + "  archive: /var/mail/archive\n  tickets: \"|/usr/bin/intake\"\n",
                        List.of("alias-target-not-allowed@8:12"), "add \"command\""),
                // injection
                new Case("line break in a host name", SITE.replace("mail.example.com",
                        "\"mail.example.com\\nrelayhost = evil\""), List.of("schema-pattern@3:11"), "\\n"),
                new Case("trailing line break in a host name", SITE.replace("mail.example.com",
                        "\"mail.example.com\\n\""), List.of("schema-pattern@3:11"), "\\n"),
                new Case("trailing CR LF in a main.cf value", SITE + "postfix:\n  smtpd_banner: \"ok\\r\\n\"\n",
                        List.of("schema-pattern@6:17"), "\\r\\n"),
                new Case("line break in an alias target", SITE + "aliases:\n  a: \"bob\\nroot: evil\"\n",
                        List.of("schema-pattern@6:6"), "\"bob\\nroot: evil\""),
                new Case("comma inside one alias target", SITE + "aliases:\n  a: [\"bob,carol\"]\n",
                        List.of("schema-pattern@6:7"), "one user name or address per item"),
                new Case("quoted command", SITE + "allow_alias_targets: [command]\naliases:\n"
                        + "  a: '\"|/bin/x\"'\n", List.of("schema-pattern@7:6"), "quotes"),
                new Case("upper-case include is not an include", SITE + "allow_alias_targets: [include]\naliases:\n"
                        + "  a: \":INCLUDE:/etc/x\"\n", List.of("schema-pattern@7:6"), "alias target"),
                new Case("alias name with a hash", SITE + "aliases:\n  \"#root\": alice\n",
                        List.of("schema-pattern@6:3"), "'#'"),
                new Case("NUL in a main.cf value", SITE + "postfix:\n  smtpd_banner: \"ok\\0\"\n",
                        List.of("schema-pattern@6:17"), "control characters"),
                new Case("CR in a main.cf value", SITE + "postfix:\n  smtpd_banner: \"ok\\rmynetworks = 0.0.0.0/0\"\n",
                        List.of("schema-pattern@6:17"), "one line"),
                new Case("main.cf value starting with a space", SITE + "postfix:\n  smtpd_banner: \" x\"\n",
                        List.of("schema-pattern@6:17"), "not starting with a space"),
                new Case("main.cf value starting with a hash", SITE + "postfix:\n  smtpd_banner: \"#x\"\n",
                        List.of("schema-pattern@6:17"), "'#'"),
                new Case("main.cf parameter name with a hyphen", SITE + "postfix:\n  smtpd-banner: x\n",
                        List.of("schema-pattern@6:3"), "parameter name"),
                new Case("delimiter starting with a hash", SITE + "recipient_delimiter: \"#\"\n",
                        List.of("schema-pattern@5:22"), "recipient delimiter"),
                new Case("relay user name with a colon", SITE + "relay:\n  host: smtp.example.com\n  auth:\n"
                        + "    username: \"u:p\"\n    password_env: PW\n", List.of("schema-pattern@8:15"), "colons"),
                new Case("unknown key with a line break and a C1 control", SITE + "\"mode\\nx\\x9b\": 1\n",
                        List.of("schema-unknown-key@5:1"), "unknown key \"mode\\nx\\u009B\""),
                new Case("several problems, all reported in order", "version: 1\nmode: internet-site\n"
                        + "hostname: mail.example.com\nmail_name: example.com\nprotocols: ipv5\nrelay:\n  port: x\n",
                        List.of("schema-enum@5:12", "schema-required@7:3", "schema-type@7:9"),
                        "is not a valid IP protocol setting"));
    }

    @TestFactory
    Stream<DynamicTest> eachErrorKindIsReportedOnceAtItsNode() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<Diagnostic> diagnostics = Validate.yaml(c.yaml());
            assertEquals(c.expected(), diagnostics.stream().map(Validate::codeAndPosition).toList(),
                    () -> "diagnostics: " + diagnostics);
            Diagnostic first = diagnostics.get(0);
            String text = first.message() + " | " + first.help().orElse("");
            assertTrue(text.contains(c.mentions()), () -> "expected \"" + c.mentions() + "\" in: " + text);
        }));
    }

    @Test
    void everySchemaDiagnosticTellsHowToFixIt() {
        for (Case c : cases()) {
            for (Diagnostic diagnostic : Validate.yaml(c.yaml())) {
                assertTrue(diagnostic.help().filter(help -> !help.isBlank()).isPresent(),
                        () -> c.name() + ": no help in " + diagnostic);
                String text = diagnostic.message() + diagnostic.help().orElse("");
                assertTrue(text.chars().noneMatch(ch -> ch < 0x20 || ch >= 0x7F && ch <= 0x9F),
                        () -> c.name() + ": raw control character in " + text);
            }
        }
    }

    @Test
    void singleLabelNamesAreLeftToTheSemanticRule() {
        // name-not-fqdn reports them with a message about Debian's mail name; the schema must not pre-empt it
        String singleLabels = SITE.replace("mail.example.com", "mail").replace("example.com", "example");
        assertEquals(List.of(), Validate.yaml(singleLabels));
    }

    @Test
    void relayPresenceIsLeftToTheSemanticRules() {
        assertEquals(List.of(), Validate.yaml("version: 1\nmode: satellite\nhostname: a.example.com\n"
                + "mail_name: example.com\n"));
        assertEquals(List.of(), Validate.yaml(SITE + "relay: {host: smtp.example.com}\n"));
    }

    @Test
    void optedInTargetsPass() {
        assertEquals(List.of(), Validate.yaml(SITE + "allow_alias_targets: [command, file, include]\n"
                + "root_recipient: \"alice, |/usr/bin/notify root, /var/log/root.mail\"\n"
                + "aliases:\n  tickets: \"|/usr/local/bin/intake --queue a,b\"\n  archive: [/var/mail/archive]\n"
                + "  team: \":include:/etc/mail/team\"\n"));
    }

    @Test
    void sameDocumentSameDiagnostics() {
        String yaml = cases().get(cases().size() - 1).yaml();
        assertEquals(Validate.yaml(yaml), Validate.yaml(yaml));
    }

    @Test
    void unknownKeySpanCoversTheKey() {
        Diagnostic diagnostic = Validate.yaml(SITE + "relay:\n  host: smtp.example.com\n  prot: 587\n").get(0);
        assertEquals(7, diagnostic.span().start().line());
        assertEquals(3, diagnostic.span().start().column());
        assertEquals(7, diagnostic.span().end().column());
    }

    @Test
    void keysWithSlashAndTildeAreFoundInTheSource() {
        List<Diagnostic> diagnostics = Validate.yaml(SITE + "aliases:\n  \"a/b~c\": \"x y\"\n");
        assertEquals(List.of("schema-pattern@6:12"), diagnostics.stream().map(Validate::codeAndPosition).toList());
        assertTrue(diagnostics.get(0).message().startsWith("aliases[\"a/b~c\"]: "), diagnostics.get(0)::message);
    }
}
