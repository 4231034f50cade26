package io.mailform.schema;

import java.util.Optional;

/**
 * Where the schema failed, for the stages that work around a failure rather than report it: every assertion the
 * validator found false, with no selection or wording (a failed choice comes with the failures of its branches, all
 * at or below the choice's node).
 *
 * @param pointer JSON Pointer of the node at fault (RFC 6901 escaped)
 * @param keyword the failing keyword, e.g. {@code required}
 * @param property the key a {@code required}, {@code additionalProperties} or {@code propertyNames} failure is about
 */
public record SchemaFailure(String pointer, String keyword, Optional<String> property) {
    /** A key that the object at {@link #pointer} lacks. */
    public boolean isMissingKey() {
        return keyword.equals("required") && property.isPresent();
    }

    /** A key that the object at {@link #pointer} has and may not have, or whose name is not allowed. */
    public boolean isRefusedKey() {
        return (keyword.equals("additionalProperties") || keyword.equals("unevaluatedProperties")
                || keyword.equals("propertyNames")) && property.isPresent();
    }
}
