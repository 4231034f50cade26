package io.mailform.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailform.runtime.compile.DescriptionCompiler;

/** What the runtime changes in its copy of a compiled configuration, shown on the full example. */
class EffectiveConfigurationTest {
    @TempDir
    Path working;

    @Test
    void loopbackListenersWithoutTlsAndEveryGatewayOnItsSinkWithStartTls() throws Exception {
        Path compiled = DescriptionCompiler.compile(Path.of("../examples/full.yaml"), Map.of(),
            new PrintStream(OutputStream.nullOutputStream()));
        try {
            check(compiled);
        } finally {
            try (Stream<Path> paths = Files.walk(compiled)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** At tls: verify and secure James would check the certificate against the JVM's authorities; not a sink's. */
    @Test
    void theSinksCertificateIsTrustedAtTheLevelsThatVerify() throws Exception {
        Path compiled = DescriptionCompiler.compile(Path.of("src/test/resources/descriptions/smarthost-verified.yaml"),
            Map.of(), new PrintStream(OutputStream.nullOutputStream()));
        try {
            String original = Files.readString(compiled.resolve("james/conf/mailetcontainer.xml"));
            assertEquals(2, count(original, "<verifyServerIdentity>true</verifyServerIdentity>"), original);
            EffectiveConfiguration configuration = new EffectiveConfiguration(JamesDirectory.open(compiled));
            configuration.write(working, 2525, 2143, Map.of("smtp.example.net:587", 4001,
                "mx.partner.example.com:25", 4002));
            String mailets = Files.readString(working.resolve("conf/mailetcontainer.xml"));
            assertEquals(2, count(mailets, "<startTLS>true</startTLS>"), mailets);
            assertEquals(2, count(mailets, "<mail.smtp.starttls.required>true</mail.smtp.starttls.required>"));
            assertEquals(2, count(mailets, "<mail.smtp.ssl.trust>*</mail.smtp.ssl.trust>"), mailets);
            assertEquals(0, count(mailets, "<verifyServerIdentity>true</verifyServerIdentity>"), mailets);
        } finally {
            try (Stream<Path> paths = Files.walk(compiled)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void check(Path compiled) throws Exception {
        EffectiveConfiguration configuration = new EffectiveConfiguration(JamesDirectory.open(compiled));
        assertEquals(List.of("smtp.example.net:587", "lists.internal.example.org:25", "10.30.0.5:2525"),
            configuration.outboundGateways());
        configuration.write(working, 2525, 2143,
            Map.of("smtp.example.net:587", 4001, "lists.internal.example.org:25", 4002, "10.30.0.5:2525", 4003));

        String smtp = Files.readString(working.resolve("conf/smtpserver.xml"));
        assertTrue(smtp.contains("<bind>127.0.0.1:2525</bind>"), smtp);
        assertTrue(smtp.contains("<tls socketTLS=\"false\" startTLS=\"false\"/>"), smtp);
        assertFalse(smtp.contains("privateKey"), smtp);
        assertTrue(smtp.contains("<handler class=\"" + EffectiveConfiguration.XCLIENT_HANDLER + "\"/>"), smtp);
        assertFalse(Files.readString(compiled.resolve("james/conf/smtpserver.xml")).contains("Xclient"),
            "XCLIENT is the runtime's, never the compiled configuration's");
        assertTrue(Files.readString(working.resolve("conf/imapserver.xml")).contains("<bind>127.0.0.1:2143</bind>"));

        String mailets = Files.readString(working.resolve("conf/mailetcontainer.xml"));
        for (int port : List.of(4001, 4002, 4003)) {
            assertTrue(mailets.contains("<gatewayPort>" + port + "</gatewayPort>"), mailets);
        }
        assertFalse(mailets.contains("<gateway>smtp.example.net</gateway>"), mailets);
        assertEquals(3, count(mailets, "<startTLS>true</startTLS>"), "STARTTLS to the sinks as the description asks");
        assertEquals(2, count(mailets, "<mail.smtp.starttls.required>true</mail.smtp.starttls.required>"),
            "tls: encrypt still demands it");
        assertEquals(3, count(mailets, "<mail.smtp.ssl.trust>*</mail.smtp.ssl.trust>"), mailets);
        assertEquals(0, count(mailets, "<verifyServerIdentity>true</verifyServerIdentity>"), mailets);
        assertTrue(mailets.contains("<gatewayPassword>example-dummy-password</gatewayPassword>"), "logins stay");

        String original = Files.readString(compiled.resolve("james/conf/mailetcontainer.xml"));
        assertTrue(original.contains("<gateway>smtp.example.net</gateway>"), "the compiled files are not changed");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
