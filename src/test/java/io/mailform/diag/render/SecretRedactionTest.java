package io.mailform.diag.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRedactionTest {
    private static String line(String text, int line) {
        return SecretRedaction.line(new SourceFile("mail.yaml", text), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "    password: hunter2|    password: ********",
        "    password: \"hunter2 x\"  # a comment|    password: ********  # a comment",
        "    password: 'it''s'|    password: ********",
        "  - secret: s3|  - secret: ********",
        "auth: {username: mailer, password: hunter2}|auth: {username: mailer, password: ********}",
        "  api_key: abc|  api_key: ********",
        "  smtp_token: abc|  smtp_token: ********",
        "  \"password\": abc|  \"password\": ********",
    })
    void masksTheValueOfASecretKey(String written, String shown) {
        assertEquals(shown, line(written + "\n", 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "    password_file: secrets/relay",
        "    password_env: RELAY_PASSWORD",
        "    username: mailer",
        "  passwords_are_never_here: x",
        "mode: internet-site",
        "    password:",
    })
    void showsEverythingElse(String written) {
        assertEquals(written, line(written + "\n", 1));
    }

    @Test
    void masksTheLinesOfAValueBelowItsKey() {
        String text = """
                relay:
                  auth:
                    password: |
                      first secret line
                      second secret line
                    username: mailer
                  host: smtp.example.net
                """;
        assertEquals("      ********", line(text, 4));
        assertEquals("      ********", line(text, 5));
        assertEquals("    username: mailer", line(text, 6));
        assertEquals("  host: smtp.example.net", line(text, 7));
        assertEquals("    password: ********", line(text, 3));
    }

    @Test
    void masksAPlainScalarThatGoesOnOnTheNextLine() {
        String text = "auth:\n  password: first\n    continued\n";
        assertEquals("  password: ********", line(text, 2));
        assertEquals("    ********", line(text, 3));
    }

    @Test
    void knowsSecretKeysByTheirLastWord() {
        assertTrue(SecretRedaction.isSecretKey("password"));
        assertTrue(SecretRedaction.isSecretKey("IMAP_PASSWORD"));
        assertTrue(SecretRedaction.isSecretKey("private-key"));
        assertFalse(SecretRedaction.isSecretKey("password_file"));
        assertFalse(SecretRedaction.isSecretKey("tokens_used"));
        assertFalse(SecretRedaction.isSecretKey("bypass"));
    }
}
