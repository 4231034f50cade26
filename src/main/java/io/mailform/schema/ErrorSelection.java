package io.mailform.schema;

import io.mailform.diag.Suggestions;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks, from everything the validator reports, the errors worth showing. A failed {@code oneOf}/{@code anyOf}
 * comes with the errors of every branch; when the value's type singles out one branch (a list where the choice is
 * "one target or a list of targets"), that branch's errors are the real problem and the others are noise. Only when
 * no branch or several fit is the choice itself reported.
 */
final class ErrorSelection {
    private final List<SchemaError> topLevel = new ArrayList<>();
    private final Map<SchemaError, List<SchemaError>> childrenByChoice = new IdentityHashMap<>();

    private ErrorSelection(List<SchemaError> errors) {
        Map<String, List<SchemaError>> choicesByNode = new HashMap<>();
        for (SchemaError error : errors) {
            if (error.isChoice()) {
                choicesByNode.computeIfAbsent(error.instancePointer(), node -> new ArrayList<>()).add(error);
                childrenByChoice.put(error, new ArrayList<>());
            }
        }
        for (SchemaError error : errors) {
            SchemaError owner = innermostChoice(error, choicesByNode);
            (owner == null ? topLevel : childrenByChoice.get(owner)).add(error);
        }
    }

    static List<SchemaError> select(List<SchemaError> errors, SchemaDocument schema) {
        ErrorSelection selection = new ErrorSelection(withAnyOfChoices(errors, schema));
        return withoutShadowed(selection.resolve(selection.topLevel));
    }

    /**
     * The validator reports a failed {@code anyOf} through its branches' errors only; adds the choice they belong
     * to, so that an {@code anyOf} is weighed like a {@code oneOf}.
     */
    private static List<SchemaError> withAnyOfChoices(List<SchemaError> errors, SchemaDocument schema) {
        Set<String> present = errors.stream().filter(SchemaError::isChoice)
                .map(e -> e.instancePointer() + " " + e.evaluationPath()).collect(Collectors.toSet());
        Map<String, SchemaError> added = new LinkedHashMap<>();
        for (SchemaError error : errors) {
            List<String> path = error.evaluationPath();
            for (int i = 0; i < path.size() - 1; i++) {
                if (!path.get(i).equals("anyOf") || !SchemaDocument.isKeywordAt(path, i)) {
                    continue;
                }
                List<String> choicePath = path.subList(0, i + 1);
                List<SchemaDocument.Step> steps = schema.walk(choicePath);
                SchemaDocument.Step holder = steps.get(steps.size() - 1);
                List<String> segments = Pointers.segments(error.instancePointer());
                String node = Pointers.of(segments.subList(0, Math.min(holder.instanceDepth(), segments.size())).toArray());
                String key = node + " " + choicePath;
                if (!present.contains(key)) {
                    added.putIfAbsent(key, new SchemaError("anyOf", node, choicePath, holder.pointer() + "/anyOf",
                            Optional.empty(), 0));
                }
            }
        }
        List<SchemaError> complete = new ArrayList<>(errors);
        complete.addAll(added.values());
        return complete;
    }

    /** The choice with the longest evaluation path that holds the error in one of its branches, or null. */
    private static SchemaError innermostChoice(SchemaError error, Map<String, List<SchemaError>> choicesByNode) {
        SchemaError innermost = null;
        String node = error.instancePointer();
        while (true) {
            for (SchemaError candidate : choicesByNode.getOrDefault(node, List.of())) {
                if (candidate != error && error.isInside(candidate)
                        && (innermost == null || candidate.evaluationPath().size() > innermost.evaluationPath().size())) {
                    innermost = candidate;
                }
            }
            if (node.isEmpty()) {
                return innermost;
            }
            node = Pointers.parent(node);
        }
    }

    private List<SchemaError> resolve(List<SchemaError> level) {
        List<SchemaError> chosen = new ArrayList<>();
        for (SchemaError error : level) {
            if (error.isChoice()) {
                chosen.addAll(resolveChoice(error));
            } else {
                chosen.add(error);
            }
        }
        return chosen;
    }

    private List<SchemaError> resolveChoice(SchemaError choice) {
        if (choice.validBranches() > 1) {
            return List.of(choice);
        }
        List<List<SchemaError>> fitting = branchesOf(choice).values().stream()
                .filter(branch -> !failsOnType(branch, choice.instancePointer()))
                .toList();
        if (fitting.size() == 1) {
            return resolve(fitting.get(0));
        }
        return List.of(choice);
    }

    /** The errors directly inside each branch of a choice (a nested choice counts as one error), by branch index. */
    private Map<String, List<SchemaError>> branchesOf(SchemaError choice) {
        Map<String, List<SchemaError>> branches = new LinkedHashMap<>();
        int branchStep = choice.evaluationPath().size();
        for (SchemaError error : childrenByChoice.get(choice)) {
            branches.computeIfAbsent(error.evaluationPath().get(branchStep), index -> new ArrayList<>()).add(error);
        }
        return branches;
    }

    /** A branch that wants another type of value at the choice's node cannot be what the author meant. */
    private boolean failsOnType(List<SchemaError> branch, String instancePointer) {
        for (SchemaError error : branch) {
            if (!error.instancePointer().equals(instancePointer)) {
                continue;
            }
            if (error.keyword().equals("type")) {
                return true;
            }
            if (error.isChoice() && error.validBranches() == 0) {
                Map<String, List<SchemaError>> nested = branchesOf(error);
                if (!nested.isEmpty() && nested.values().stream().allMatch(b -> failsOnType(b, instancePointer))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Drops errors that only repeat what another error at the same node says: a value of the wrong type also fails
     * the enum or pattern beside the type; an unknown key in an object explains why none of its forms fit (it is
     * usually the misspelt or refused form of one of them), and a missing key that an unknown key beside it is
     * a likely misspelling of is the same mistake; a target that is malformed need not also be reported as needing
     * an opt-in.
     */
    private static List<SchemaError> withoutShadowed(List<SchemaError> errors) {
        Set<String> typeFailures = errors.stream().filter(e -> e.keyword().equals("type"))
                .map(e -> e.instancePointer() + "#" + e.subschemaPointer()).collect(Collectors.toSet());
        Map<String, List<String>> unknownKeys = errors.stream().filter(e -> e.keyword().equals("additionalProperties"))
                .collect(Collectors.groupingBy(SchemaError::instancePointer,
                        Collectors.mapping(e -> e.property().orElse(""), Collectors.toList())));
        Set<String> malformed = errors.stream().filter(e -> OptInGuard.of(e).isEmpty())
                .map(SchemaError::instancePointer).collect(Collectors.toSet());
        List<SchemaError> kept = new ArrayList<>();
        for (SchemaError error : errors) {
            boolean shadowedByType = !error.keyword().equals("type")
                    && typeFailures.contains(error.instancePointer() + "#" + error.subschemaPointer());
            List<String> unknownHere = unknownKeys.getOrDefault(error.instancePointer(), List.of());
            boolean shadowedByUnknownKey = error.isChoice() && !unknownHere.isEmpty()
                    || error.keyword().equals("required") && unknownHere.stream().anyMatch(
                            unknown -> Suggestions.closest(unknown, List.of(error.property().orElse(""))).isPresent());
            boolean shadowedByMalformed = OptInGuard.of(error).isPresent() && malformed.contains(error.instancePointer());
            if (!shadowedByType && !shadowedByUnknownKey && !shadowedByMalformed) {
                kept.add(error);
            }
        }
        return kept;
    }
}
