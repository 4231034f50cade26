package io.mailform.sync;

import io.mailform.diag.Code;
import io.mailform.emit.postfix.PostfixProvenance;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * main.cf parameter by parameter, both sides as postconf reads them. Values are compared as Postfix reads lists:
 * as sequences of tokens, so that {@code a, b} and {@code a b} are the same. A parameter the description does not
 * set is charged to {@code postfix.NAME}, where it would be set; in mode none only the parameters the description
 * lists are compared, the rest of main.cf being kept by hand.
 */
final class MainCfDrift {
    private static final String FIX = "install the compiled description (sh install.sh), or change ";

    private MainCfDrift() {
    }

    static List<Difference> compare(Map<String, String> described, Postconf.Reading installed, String path,
            PostfixProvenance provenance) {
        List<Difference> differences = new ArrayList<>();
        if (!installed.readable()) {
            differences.add(new Difference(Code.DRIFT_PARAMETER, "", false, "postconf cannot read " + path + ": "
                    + installed.failure(), "install the compiled description (sh install.sh)"));
            return differences;
        }
        Set<String> names = new LinkedHashSet<>(described.keySet());
        if (!provenance.mergesMainCf()) {
            names.addAll(new TreeSet<>(installed.parameters().keySet()));
        }
        for (String name : names) {
            String want = described.get(name);
            String have = installed.parameters().get(name);
            if (want != null && have != null && tokens(want).equals(tokens(have))) {
                continue;
            }
            String pointer = provenance.parameter(name).filter(p -> !p.isEmpty())
                    .orElse(Pointers.of("postfix", name));
            String key = Keys.readable(pointer);
            String origin = provenance.parameter(name).filter(String::isEmpty).isPresent()
                    ? " (Debian's default, which " + key + " changes)" : "";
            String message;
            if (have == null) {
                message = key + ": " + path + " does not set " + name + "; the description sets " + name + " = "
                        + want + origin;
            } else if (want == null) {
                message = key + ": " + path + " sets " + name + " = " + have + ", which the description does not";
            } else {
                message = key + ": " + path + " sets " + name + " = " + have + "; the description sets " + name
                        + " = " + want + origin;
            }
            differences.add(new Difference(Code.DRIFT_PARAMETER, pointer, false, message, FIX + key
                    + " to what the host has"));
        }
        return differences;
    }

    static List<String> tokens(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("[\\s,]+"));
    }
}
