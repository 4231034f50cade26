package io.mailform.prune;

import io.mailform.model.Coverage;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * What is left of a description once every part that failed the schema is left out: a document the binder can
 * bind, how much of the description it still covers, and for each of its nodes the pointer of the same node in the
 * file (null for a node left out), as {@link io.mailform.yaml.SourceMap#viewedThrough} takes it.
 */
public record Pruned(JsonNode document, Coverage coverage, UnaryOperator<String> toFile) {
}
