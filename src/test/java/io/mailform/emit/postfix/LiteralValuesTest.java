package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that mean what they say (certificate paths, the delimiter's characters) reach Postfix unchanged even with a
 * $ in them, which Postfix would otherwise expand (found by CompileFuzzTest: recipient_delimiter "$re").
 */
class LiteralValuesTest {
    @TempDir
    Path work;

    @Test
    void aDollarInAPathOrTheDelimiterIsWhatPostfixReads() throws Exception {
        String yaml = """
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                recipient_delimiter: "+$"
                tls:
                  server:
                    cert_file: /etc/ssl/certs/mail$1.pem
                    key_file: /etc/ssl/private/mail$.key
                """;
        Examples.Compiled compiled = Examples.compile("literal.yaml", yaml.getBytes(StandardCharsets.UTF_8), work,
                Map.of());
        Path postfix = work.resolve("out");
        compiled.writeTo(postfix);
        Files.copy(PostfixTools.debianMasterCf(), postfix.resolve("master.cf"));
        PostfixTools.backdate(postfix);
        PostfixTools tools = PostfixTools.locate();
        PostfixTools.Result expanded = tools.run(List.of(tools.postconf.toString(), "-c", postfix.toString(), "-x",
                "-h", "recipient_delimiter", "smtpd_tls_cert_file", "smtpd_tls_key_file"));
        assertEquals("", expanded.stderr(), expanded::toString);
        assertEquals(List.of("+$", "/etc/ssl/certs/mail$1.pem", "/etc/ssl/private/mail$.key"),
                expanded.stdout().lines().toList());
    }
}
