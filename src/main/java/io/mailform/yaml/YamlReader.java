package io.mailform.yaml;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.Diagnostics;
import io.mailform.source.SourceFile;
import io.mailform.source.Span;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;

/**
 * The first stage: bytes to a JSON tree with positions. Reads with SnakeYAML Engine's composer, which keeps the
 * marks that its {@code Load} API drops, after an event pass that refuses hostile structure before any tree is built.
 */
public final class YamlReader {
    private final Limits limits;

    public YamlReader() {
        this(Limits.DEFAULT);
    }

    public YamlReader(Limits limits) {
        this.limits = limits;
    }

    public ReadResult read(String name, byte[] bytes) {
        TextDecoder.Decoded decoded = new TextDecoder(limits).decode(name, bytes);
        SourceFile source = decoded.source();
        if (decoded.problem().isPresent()) {
            return new ReadResult(source, Optional.empty(), SourceMap.empty(), List.of(decoded.problem().get()));
        }
        Diagnostics diagnostics = new Diagnostics(source);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // reported by the converter, with both places
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(true) // reported by the converter with a clearer message
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.maxBytes())
                .build();
        try {
            EventTreeBuilder builder = new EventTreeBuilder(source,
                    new StructureCheck(source, limits, diagnostics), settings.getSchema().getScalarResolver());
            switch (builder.build(new Parse(settings).parseString(source.text()))) {
                case BUILT -> {
                    return new ReadResult(source, Optional.of(builder.document()), builder.sourceMap(),
                            diagnostics.toList());
                }
                case EMPTY -> {
                    diagnostics.report(Code.YAML_EMPTY, source.spanOf(0, 0), "the file holds no YAML document",
                            "start from one of the files in examples/");
                    return new ReadResult(source, Optional.empty(), SourceMap.empty(), diagnostics.toList());
                }
                case REFUSED -> {
                    return new ReadResult(source, Optional.empty(), SourceMap.empty(), diagnostics.toList());
                }
                case FALLBACK -> {
                    // anchors, tags, odd keys or too many nodes: the composer's way below, which reports them
                }
            }
            StructureCheck structure = new StructureCheck(source, limits, diagnostics);
            if (!structure.passes(new Parse(settings).parseString(source.text()))) {
                return new ReadResult(source, Optional.empty(), SourceMap.empty(), diagnostics.toList());
            }
            Optional<Node> root = new Compose(settings).composeString(source.text());
            if (root.isEmpty()) {
                diagnostics.report(Code.YAML_EMPTY, source.spanOf(0, 0), "the file holds no YAML document",
                        "start from one of the files in examples/");
                return new ReadResult(source, Optional.empty(), SourceMap.empty(), diagnostics.toList());
            }
            TreeConverter converter = new TreeConverter(source, limits.maxNodes(structure.nodes()), limits.maxDepth(),
                    diagnostics);
            Optional<JsonNode> document = converter.convert(root.get());
            return new ReadResult(source, diagnostics.hasErrors() ? Optional.empty() : document,
                    converter.sourceMap(), diagnostics.toList());
        } catch (MarkedYamlEngineException e) {
            diagnostics.add(syntaxError(source, e));
        } catch (YamlEngineException e) {
            diagnostics.report(Code.YAML_SYNTAX, source.spanOf(0, 0), "YAML error: " + e.getMessage());
        }
        return new ReadResult(source, Optional.empty(), SourceMap.empty(), diagnostics.toList());
    }

    private Diagnostic syntaxError(SourceFile source, MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        Span span = mark.map(m -> Marks.span(source, m, m)).orElse(source.spanOf(0, 0));
        String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
        if (e.getMessage() != null && e.getMessage().contains("exceeds the limit")) {
            return Diagnostic.of(Code.YAML_ALIAS_LIMIT, source.name(), span,
                    "the document references anchors more than " + limits.maxAliases() + " times",
                    "write the values out, or reuse fewer anchors");
        }
        int offset = span.start().offset();
        if (offset < source.text().length() && source.text().charAt(offset) == '\t') {
            return Diagnostic.of(Code.YAML_TAB, source.name(), span, "a tab character where YAML needs spaces",
                    "indent with spaces; YAML does not allow tabs for indentation");
        }
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return Diagnostic.of(Code.YAML_SYNTAX, source.name(), span, "YAML syntax error: " + problem + context,
                "check the indentation and quoting on this line");
    }
}
