package io.mailform.diag.render;

import io.mailform.source.SourceFile;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source lines as a diagnostic may show them: the value of a key that holds or looks like a secret (password,
 * secret, token, API or private key) is replaced, so that a snippet never prints it into a CI log. Keys that name
 * where a secret is ({@code password_file}, {@code password_env}) are shown. This reads lines, not the parsed
 * document, so it holds for files the YAML stage refused too: a value written on the key's line, in a flow mapping,
 * or on the lines below the key (block and multi-line scalars) is hidden.
 */
final class SecretRedaction {
    static final String MASK = "********";

    /** A key whose last word names a secret; the _file and _env keys end in another word. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?:^|[_-])(?:password|passwd|passphrase|pass|secret|token|api[_-]?key|private[_-]?key|credentials?)$");
    /** {@code key: value} anywhere on a line: block mappings, list items and flow mappings alike. */
    private static final Pattern ENTRY = Pattern.compile(
            "(?<key>[\"']?[A-Za-z0-9_-]+[\"']?)(?<colon>\\s*:(?:\\s+|$))(?<value>\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^']|'')*'?"
                    + "|[^,}\\]#\\s][^,}\\]#]*?)?(?=\\s*(?:[,}\\]]|#|$))");

    private SecretRedaction() {
    }

    /** The 1-based line of the source, with secret values masked. */
    static String line(SourceFile source, int line) {
        String text = source.lineText(line);
        if (belongsToSecretAbove(source, line)) {
            return text.substring(0, indentation(text)) + MASK;
        }
        return maskEntries(text);
    }

    static String maskEntries(String text) {
        Matcher entry = ENTRY.matcher(text);
        StringBuilder result = new StringBuilder();
        int copied = 0;
        while (entry.find()) {
            String value = entry.group("value");
            if (value == null || value.isEmpty() || !isSecretKey(entry.group("key"))) {
                continue;
            }
            result.append(text, copied, entry.start("value")).append(MASK);
            copied = entry.end("value");
        }
        return result.append(text, copied, text.length()).toString();
    }

    static boolean isSecretKey(String key) {
        String name = key.replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        return SECRET_KEY.matcher(name).find();
    }

    /**
     * Whether the line continues the value of a secret key above it: the nearest line above with less indentation is
     * that key, with a block scalar indicator, nothing, or the start of a scalar after the colon.
     */
    private static boolean belongsToSecretAbove(SourceFile source, int line) {
        String text = source.lineText(line);
        int indent = indentation(text);
        if (text.isBlank() || indent == 0) {
            return false; // a line at the left margin continues nothing: no need to read the file above it
        }
        for (int above = line - 1; above >= 1; above--) {
            String candidate = source.lineText(above);
            if (candidate.isBlank() || candidate.strip().startsWith("#")) {
                continue;
            }
            if (indentation(candidate) < indent) {
                return endsWithSecretKey(candidate);
            }
        }
        return false;
    }

    /** The line's last entry is a secret key whose value goes on below it or starts on it. */
    private static boolean endsWithSecretKey(String text) {
        Matcher entry = ENTRY.matcher(text);
        boolean secret = false;
        while (entry.find()) {
            secret = isSecretKey(entry.group("key"));
        }
        return secret;
    }

    private static int indentation(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-' && i + 1 < text.length()
                && text.charAt(i + 1) == ' ')) {
            i++;
        }
        return i;
    }
}
