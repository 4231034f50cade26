package io.mailform.adopt;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.model.Mode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What validation refuses in a written description, traced back to the host's files: each refused member is left
 * out and reported at the line its value came from, except a key every description of the mode needs.
 */
final class Refusals {
    private static final Set<String> REQUIRED = Set.of("version", "mode", "hostname", "mail_name");

    private Refusals() {
    }

    /** The refusal of a key that every description of the mode needs, which leaving out cannot mend. */
    static Optional<Diagnostic> required(DescriptionWriter.Rendered rendered, List<Diagnostic> errors,
            HostFiles host, Optional<MainCfFile> mainCf, Mode mode) {
        for (Diagnostic error : errors) {
            Optional<String> key = innermost(rendered, error.span().start().line())
                    .map(placed -> placed.path().get(0)).filter(REQUIRED::contains);
            if (key.isPresent()) {
                Origin origin = originOf(rendered, error, host, mainCf);
                return Optional.of(Diagnostic.of(Code.IMPORT_REFUSED, origin.file(), origin.span(), key.get() + ": "
                        + error.message() + " [" + error.code().id() + "]; every description of mode " + mode.key()
                        + " needs it, so the host is imported as mode none, main.cf kept under postfix",
                        error.help().orElse("change the host's setting, and import again")));
            }
        }
        return Optional.empty();
    }

    /** Drops the members the errors point at, reporting each at the host's line it came from. */
    static Optional<Description> without(Description description, DescriptionWriter.Rendered rendered,
            List<Diagnostic> errors, HostFiles host, Optional<MainCfFile> mainCf, ImportLog log) {
        Description result = description;
        for (Diagnostic error : errors) {
            Optional<DescriptionWriter.Placed> placed = innermost(rendered, error.span().start().line());
            if (placed.isEmpty()) {
                return Optional.empty();
            }
            Origin origin = originOf(rendered, error, host, mainCf);
            log.report(Code.IMPORT_REFUSED, origin, String.join(".", placed.get().path()) + ": " + error.message()
                    + " [" + error.code().id() + "]; left out of the description, so compile writes what"
                    + " its absence means",
                    error.help().orElse("change the value on the host, or set it in the description by hand"));
            result = result.without(placed.get().path());
        }
        return Optional.of(result);
    }

    /**
     * The host's place a diagnostic about the written YAML comes from: its member's origin, or an ancestor's,
     * narrowed to the item or value the diagnostic points at where main.cf writes it.
     */
    static Origin originOf(DescriptionWriter.Rendered rendered, Diagnostic diagnostic, HostFiles host,
            Optional<MainCfFile> mainCf) {
        int line = diagnostic.span().start().line();
        Optional<Origin> origin = rendered.placed().stream()
                .filter(placed -> placed.firstLine() <= line && line <= placed.lastLine())
                .filter(placed -> placed.origin().isPresent())
                .min((a, b) -> Integer.compare(a.lastLine() - a.firstLine(), b.lastLine() - b.firstLine()))
                .flatMap(DescriptionWriter.Placed::origin);
        if (origin.isEmpty()) {
            return host.mainCf().map(file -> ImportLog.start(file, null))
                    .orElseGet(() -> ImportLog.start(host.aliases().orElseThrow(), null));
        }
        List<String> lines = rendered.text().lines().toList();
        String yamlLine = line - 1 < lines.size() ? lines.get(line - 1) : "";
        return TokenOrigin.narrowed(origin.get(), yamlLine, diagnostic.span().start().column(), mainCf);
    }

    private static Optional<DescriptionWriter.Placed> innermost(DescriptionWriter.Rendered rendered, int line) {
        return rendered.placed().stream()
                .filter(placed -> placed.firstLine() <= line && line <= placed.lastLine())
                .min((a, b) -> Integer.compare(a.lastLine() - a.firstLine(), b.lastLine() - b.firstLine()));
    }

}
