package io.mailform.diag.render;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** GitHub Actions workflow commands, so that problems show as annotations on the pull request's lines. */
public final class GithubRenderer implements Renderer {
    @Override
    public void render(List<Diagnostic> diagnostics, Map<String, SourceFile> sources, PrintStream out) {
        for (Diagnostic diagnostic : diagnostics) {
            String message = diagnostic.message() + diagnostic.help().map(help -> " (" + help + ")").orElse("");
            out.println("::" + diagnostic.severity().label()
                    + " file=" + property(diagnostic.file())
                    + ",line=" + diagnostic.span().start().line()
                    + ",col=" + diagnostic.span().start().column()
                    + ",endLine=" + diagnostic.span().end().line()
                    + ",endColumn=" + diagnostic.span().end().column()
                    + ",title=" + property(diagnostic.code().id())
                    + "::" + data(message));
        }
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
