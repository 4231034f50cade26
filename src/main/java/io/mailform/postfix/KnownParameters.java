package io.mailform.postfix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameter names Postfix 3.7 knows, as {@code postconf -d} lists them on Debian 12 (1,043 names), bundled so
 * that validation needs no Postfix installed.
 */
public final class KnownParameters {
    private static final String RESOURCE = "parameters-3.7.txt";
    private static final Set<String> NAMES = load();

    private KnownParameters() {
    }

    public static boolean contains(String name) {
        return NAMES.contains(name);
    }

    public static Set<String> names() {
        return NAMES;
    }

    private static Set<String> load() {
        try (InputStream in = KnownParameters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> names = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
