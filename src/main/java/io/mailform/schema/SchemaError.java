package io.mailform.schema;

import java.util.List;
import java.util.Optional;

/**
 * One failed assertion of the schema, in this package's own terms so that the validator library's types stay in
 * {@link BundledSchema}.
 *
 * @param keyword the failing keyword, e.g. {@code pattern}
 * @param instancePointer JSON Pointer of the offending node in the document (RFC 6901 escaped)
 * @param evaluationPath the schema keywords followed to reach the assertion, {@code $ref} steps included
 * @param schemaPointer JSON Pointer of the keyword inside the schema document, after {@code $ref} resolution
 * @param property the key a {@code required}, {@code additionalProperties} or {@code propertyNames} error is about
 * @param validBranches for {@code oneOf}: how many branches matched (0 or more than 1)
 */
record SchemaError(String keyword, String instancePointer, List<String> evaluationPath, String schemaPointer,
        Optional<String> property, int validBranches) {
    SchemaError {
        evaluationPath = List.copyOf(evaluationPath);
    }

    boolean isChoice() {
        return keyword.equals("oneOf") || keyword.equals("anyOf");
    }

    /** The pointer of the schema object that holds the failing keyword. */
    String subschemaPointer() {
        return schemaPointer.substring(0, schemaPointer.lastIndexOf('/'));
    }

    /** True if this error lies below {@code other} in the schema walk and in the document (inside one of its branches). */
    boolean isInside(SchemaError other) {
        List<String> outer = other.evaluationPath;
        return evaluationPath.size() > outer.size()
                && evaluationPath.subList(0, outer.size()).equals(outer)
                && (instancePointer.equals(other.instancePointer)
                        || instancePointer.startsWith(other.instancePointer + "/"));
    }
}
