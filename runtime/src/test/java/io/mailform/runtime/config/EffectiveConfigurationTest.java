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
    void loopbackListenersWithoutTlsAndEveryGatewayOnItsSink() throws Exception {
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
        assertFalse(mailets.contains("starttls.required"), "the sinks offer no STARTTLS");
        assertFalse(mailets.contains("<startTLS>"), mailets);
        assertTrue(mailets.contains("<gatewayPassword>example-dummy-password</gatewayPassword>"), "logins stay");

        String original = Files.readString(compiled.resolve("james/conf/mailetcontainer.xml"));
        assertTrue(original.contains("<gateway>smtp.example.net</gateway>"), "the compiled files are not changed");
    }
}
