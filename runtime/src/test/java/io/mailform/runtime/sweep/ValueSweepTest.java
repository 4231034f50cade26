package io.mailform.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.delivery.Reply;
import io.mailform.diag.Diagnostic;
import io.mailform.model.MailSystem;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.runtime.client.SmtpClient;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.postfix.PostfixOptions;
import io.mailform.runtime.postfix.PostfixRuntime;
import io.mailform.runtime.postfix.RunningPostfix;
import io.mailform.runtime.scenario.TestReport;
import io.mailform.runtime.scenario.TestRun;
import io.mailform.runtime.server.TemporaryDirectories;
import io.mailform.scenario.Case;
import io.mailform.scenario.CaseGenerator;
import io.mailform.scenario.Scenarios;

/**
 * The sweep: boundary and odd values of every first-class key and of the passthrough parameters that decide relaying,
 * each in an otherwise plain description. A value mailform refuses is fine, with a diagnostic; a value it accepts must
 * work in a real private Postfix started from the compiled files: the instance starts (postfix check included),
 * answers 220, and delivers mail for postmaster as the oracle predicts. smtpd dies at the first connection when it
 * cannot work, not at start, so a start alone proves nothing. docs/description.md's table "What the sweep covers" lists the values.
 */
class ValueSweepTest {
    private static final String SITE = """
        version: 1
        mode: internet-site
        hostname: mail.example.org
        mail_name: example.org
        networks: [127.0.0.0/8]
        users: [{name: alice}]
        root_recipient: alice
        """;
    private static final String SMARTHOST = """
        version: 1
        mode: internet-smarthost
        hostname: mail.example.org
        mail_name: example.org
        users: [{name: alice}]
        root_recipient: alice
        """;

    @TempDir
    Path temp;

    /** One value of one key: the description it makes, and whether mailform is to accept it. */
    record Probe(String key, String value, String yaml, boolean accepted) {
        String name() {
            return key + ": " + value + (accepted ? "" : " (refused)");
        }
    }

    static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        site(probes, "hostname", true, "MAIL.EXAMPLE.ORG", "mail.example.org.", "m.example.org",
            "x".repeat(63) + ".example.org", "xn--bcher-kva.example.org");
        site(probes, "hostname", false, "192.0.2.1", "mail.123", "mail", "mail_x.example.org", "-mail.example.org");
        site(probes, "mail_name", true, "EXAMPLE.ORG", "example.org.", "mail.example.org");
        site(probes, "mail_name", false, "192.0.2.1", "example.123", "example");
        site(probes, "destinations", true, "[]", "[$myhostname]", "[localhost]", "[$myhostname, example.org, "
            + "EXAMPLE.ORG]", "[example.org.]");
        site(probes, "destinations", false, "[192.0.2.7]", "[\"example.org, localhost\"]");
        site(probes, "networks", true, "[]", "[127.0.0.1/32]", "[\"::1/128\"]", "[\"::ffff:127.0.0.0/104\"]");
        site(probes, "networks", false, "[0.0.0.0/0]", "[\"::/0\"]", "[127.0.0.256/32]", "[127.0.0.1/8]");
        site(probes, "recipient_delimiter", true, "\"\"", "\"-\"", "\"+-\"", "\".\"", "\"%\"", "\"=\"");
        site(probes, "recipient_delimiter", false, "\"@\"", "\"#\"", "\",\"");
        site(probes, "mailbox_size_limit", true, "0", "20MB", "9223372036854775807");
        site(probes, "mailbox_size_limit", false, "1", "9223372036854775808");
        site(probes, "message_size_limit", true, "0", "2KiB");
        site(probes, "protocols", true, "ipv4", "ipv6", "all");
        site(probes, "interfaces", true, "all", "loopback-only", "[127.0.0.1]", "[\"::1\"]");
        site(probes, "aliases", true, "{Info: alice}", "{team: [alice, alice+x, ALICE]}");
        site(probes, "aliases", false, "{one: \"@example.org\"}", "{two: \"alice@\"}", "{loop: loop2, loop2: loop}");
        site(probes, "root_recipient", true, "none", "NONE", "\"alice, bob@remote.example\"");
        site(probes, "root_recipient", false, "root", "postmaster");
        site(probes, "postfix", true, "{smtpd_relay_restrictions: permit_mynetworks reject_unauth_destination}",
            "{smtpd_relay_restrictions: \"permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination, "
                + "reject\"}",
            "{smtpd_recipient_restrictions: reject_unlisted_recipient}",
            "{smtpd_recipient_restrictions: permit_mynetworks reject_unauth_destination}");
        site(probes, "postfix", false, "{smtpd_relay_restrictions: permit}",
            "{smtpd_relay_restrictions: permit_mynetworks permit reject_unauth_destination}",
            "{smtpd_relay_restrictions: permit_mynetworks permit, smtpd_recipient_restrictions: permit}");
        smarthost(probes, true, "{host: smtp.example.net}", "{host: 192.0.2.25}", "{host: \"2001:db8::25\"}",
            "{host: smtp.example.net, port: 1}", "{host: smtp.example.net, port: 65535}",
            "{host: smtp.example.net, mx_lookup: true}");
        smarthost(probes, false, "{host: 1.2.3.999}", "{host: smtp.example.net, port: 65536}",
            "{host: mail.example.org}", "{host: \"[smtp.example.net]:587\"}");
        return probes;
    }

    private static void site(List<Probe> probes, String key, boolean accepted, String... values) {
        for (String value : values) {
            probes.add(new Probe(key, value, with(SITE, key, value), accepted));
        }
    }

    private static void smarthost(List<Probe> probes, boolean accepted, String... values) {
        for (String value : values) {
            probes.add(new Probe("relay", value, with(SMARTHOST, "relay", value), accepted));
        }
    }

    /** The base description with {@code key} set to {@code value}, replacing the base's own line if it has one. */
    private static String with(String base, String key, String value) {
        StringBuilder yaml = new StringBuilder();
        for (String line : base.lines().toList()) {
            if (!line.startsWith(key + ":")) {
                yaml.append(line).append('\n');
            }
        }
        return yaml.append(key).append(": ").append(value).append('\n').toString();
    }

    @TestFactory
    Stream<DynamicTest> everyAcceptedValueWorksInPostfixAndEveryOtherIsRefused() {
        return probes().stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> sweep(probe)));
    }

    private void sweep(Probe probe) throws Exception {
        Validation validation = new Pipeline().validate("sweep.yaml", probe.yaml().getBytes(StandardCharsets.UTF_8));
        List<String> errors = validation.diagnostics().stream().filter(Diagnostic::isError)
            .map(diagnostic -> diagnostic.code().id() + ": " + diagnostic.message()).toList();
        if (!probe.accepted()) {
            assertTrue(!errors.isEmpty(), probe.yaml() + "\nmailform accepts this; the sweep expects a refusal");
            return;
        }
        assertEquals(List.of(), errors, probe.yaml());
        Path file = Files.writeString(temp.resolve("sweep.yaml"), probe.yaml());
        Path compiled = TemporaryDirectories.register(DescriptionCompiler.compileForPostfix(file, Map.of(),
            System.err));
        try (RunningPostfix postfix = PostfixRuntime.start(new PostfixOptions(compiled, OptionalInt.empty(),
                System.err))) {
            try (SmtpClient smtp = SmtpClient.connect(postfix.host(), postfix.smtpPort(), Duration.ofSeconds(20))) {
                assertEquals(220, smtp.greeting().code(), probe.yaml());
                Reply ehlo = smtp.command("EHLO sweep.example");
                assertEquals(250, ehlo.code(), probe.yaml() + "\n" + ehlo);
            }
            MailSystem system = validation.mailSystem().orElseThrow();
            Oracle oracle = new Oracle(system);
            List<Case> postmaster = new CaseGenerator(system, oracle).generate(file.toString()).scenarios().cases()
                .stream().filter(item -> item.name().equals("root and postmaster")).toList();
            if (!postmaster.isEmpty()) {
                TestReport report = new TestRun(system, line -> { }).runOn(postfix, file.toString(), "sweep",
                    new Scenarios(file.toString(), postmaster), "sweep");
                assertTrue(report.passed(), () -> probe.yaml() + "\n" + report.text());
            }
        } finally {
            TemporaryDirectories.delete(compiled);
        }
    }
}
