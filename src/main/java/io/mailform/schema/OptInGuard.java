package io.mailform.schema;

import java.util.Optional;

/**
 * The schema's guards against command, file and include alias targets (the {@code $defs} the top level applies
 * unless {@code allow_alias_targets} names the kind). Their errors are not malformed values but a missing opt-in,
 * and are reported as such.
 */
enum OptInGuard {
    COMMAND("commandTargetsNeedOptIn", "command", "|", "pipes mail into a command",
            "if this alias should run the command as the mail system"),
    FILE("fileTargetsNeedOptIn", "file", "/", "appends mail to a file",
            "if the mail system should write to this file"),
    INCLUDE("includeTargetsNeedOptIn", "include", ":include:", "reads more targets from a file",
            "if the mail system should take targets from this file");

    private final String definition;
    private final String kind;
    private final String prefix;
    private final String effect;
    private final String condition;

    OptInGuard(String definition, String kind, String prefix, String effect, String condition) {
        this.definition = definition;
        this.kind = kind;
        this.prefix = prefix;
        this.effect = effect;
        this.condition = condition;
    }

    static Optional<OptInGuard> of(SchemaError error) {
        for (OptInGuard guard : values()) {
            if (error.schemaPointer().startsWith("/$defs/" + guard.definition + "/")) {
                return Optional.of(guard);
            }
        }
        return Optional.empty();
    }

    /** The {@code allow_alias_targets} item that lifts this guard. */
    String kind() {
        return kind;
    }

    /** How a target of this kind starts, as aliases(5) tells the kinds apart. */
    String prefix() {
        return prefix;
    }

    /** What a target of this kind does, e.g. "pipes mail into a command". */
    String effect() {
        return effect;
    }

    /** When opting in is the right fix, completing "add command to allow_alias_targets ...". */
    String condition() {
        return condition;
    }
}
