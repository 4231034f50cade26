package io.mailform.diag.render;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** For machines: one JSON document with every diagnostic and the counts. Lines and columns are 1-based. */
public final class JsonRenderer implements Renderer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public void render(List<Diagnostic> diagnostics, Map<String, SourceFile> sources, PrintStream out) {
        ObjectNode root = JSON.objectNode();
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic diagnostic : diagnostics) {
            ObjectNode item = list.addObject();
            item.put("severity", diagnostic.severity().label());
            item.put("code", diagnostic.code().id());
            item.put("message", diagnostic.message());
            diagnostic.help().ifPresent(help -> item.put("help", help));
            item.put("file", diagnostic.file());
            item.put("line", diagnostic.span().start().line());
            item.put("column", diagnostic.span().start().column());
            item.put("endLine", diagnostic.span().end().line());
            item.put("endColumn", diagnostic.span().end().column());
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        root.put("errors", errors);
        root.put("warnings", diagnostics.size() - errors);
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
