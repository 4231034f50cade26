package io.mailform.diag.render;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.Severity;
import io.mailform.source.SourceFile;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, the format code-scanning services read: every diagnostic code is a rule with a stable id, every
 * diagnostic a result at its file, line and column.
 */
public final class SarifRenderer implements Renderer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String toolVersion;

    public SarifRenderer(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void render(List<Diagnostic> diagnostics, Map<String, SourceFile> sources, PrintStream out) {
        ObjectNode root = JSON.objectNode();
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "mailform");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        for (Code code : Code.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", code.id());
            rule.putObject("shortDescription").put("text", code.title());
            rule.putObject("defaultConfiguration").put("level", level(code.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic diagnostic : diagnostics) {
            ObjectNode result = results.addObject();
            result.put("ruleId", diagnostic.code().id());
            result.put("ruleIndex", diagnostic.code().ordinal());
            result.put("level", level(diagnostic.severity()));
            result.putObject("message").put("text",
                    diagnostic.message() + diagnostic.help().map(help -> " (" + help + ")").orElse(""));
            ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", diagnostic.file().replace('\\', '/'));
            ObjectNode region = location.putObject("region");
            region.put("startLine", diagnostic.span().start().line());
            region.put("startColumn", diagnostic.span().start().column());
            region.put("endLine", diagnostic.span().end().line());
            region.put("endColumn", diagnostic.span().end().column());
        }
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }
}
