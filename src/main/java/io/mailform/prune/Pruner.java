package io.mailform.prune;

import io.mailform.schema.SchemaFailure;
import io.mailform.schema.SchemaValidator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Between the schema and the binder, for a description that failed the schema: leaves out every part that holds a
 * failure, at the smallest unit that can go alone (one alias, user, route, network, destination or postfix
 * parameter; otherwise the top-level key), and validates what is left again, since leaving a part out can make
 * another fail (an alias with a command target once allow_alias_targets is gone). What passes is bound and checked
 * by the rules that read nothing left out, so that one run reports the schema errors and the semantic problems of
 * everything else; nothing compiles or predicts from it.
 */
public final class Pruner {
    /** Each round leaves out at least one more unit; a cascade longer than this is not worth following. */
    private static final int MAX_ROUNDS = 4;

    private final SchemaValidator schema;

    public Pruner(SchemaValidator schema) {
        this.schema = schema;
    }

    /**
     * The document without the parts that failed, or empty when nothing can be vouched for (the document is no
     * mapping, or what is left keeps failing).
     */
    public Optional<Pruned> prune(JsonNode document, List<SchemaFailure> failures) {
        if (!document.isObject()) {
            return Optional.empty();
        }
        Cut cut = new Cut(document);
        if (!cut.leaveOutAll(failures, false)) {
            return Optional.empty();
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<SchemaFailure> remaining = schema.failures(cut.rest()).stream()
                    .filter(failure -> !cut.accountsFor(failure)).toList();
            if (remaining.isEmpty()) {
                return Optional.of(cut.pruned());
            }
            if (!cut.leaveOutAll(remaining, true)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
