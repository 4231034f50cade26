package io.mailform.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A case {@link CaseGenerator} made and left out, and why: many cases with one reason read as one line. */
public record LeftOut(String name, String reason) {
    /** The cases grouped by reason, in the order the reasons first came: reason to case names. */
    public static Map<String, List<String>> byReason(List<LeftOut> cases) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        cases.forEach(item -> groups.computeIfAbsent(item.reason(), reason -> new ArrayList<>()).add(item.name()));
        return groups;
    }

    /** One line per reason: {@code 12 generated cases left out: REASON}. */
    public static List<String> lines(List<LeftOut> cases) {
        List<String> lines = new ArrayList<>();
        byReason(cases).forEach((reason, names) -> lines.add(names.size() + " generated "
            + (names.size() == 1 ? "case" : "cases") + " left out: " + reason));
        return lines;
    }
}
