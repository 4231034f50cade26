package io.mailform.adopt;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an aliases file as postalias does: logical lines, {@code name: targets} split at commas. What postalias
 * skips with a warning (no colon, no name, no value, a continuation with nothing before it) is reported here.
 */
final class AliasesReader {
    private AliasesReader() {
    }

    record Read(List<AliasEntry> entries, List<Diagnostic> diagnostics) {
    }

    static Read read(SourceFile source) {
        List<AliasEntry> entries = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (LogicalLine line : LogicalLines.of(source)) {
            String text = line.text();
            int colon = text.indexOf(':');
            if (text.startsWith(" ") || colon <= 0 || text.substring(colon + 1).isBlank()) {
                diagnostics.add(Diagnostic.of(Code.IMPORT_SYNTAX, source.name(), line.span(),
                        "postalias skips this line: it needs name: target",
                        "write it as name: target, target, or make it a comment with '#'"));
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (String target : text.substring(colon + 1).split(",")) {
                if (!target.isBlank()) {
                    targets.add(target.strip());
                }
            }
            entries.add(new AliasEntry(text.substring(0, colon).strip(), targets, line.line(), line.span()));
        }
        return new Read(entries, diagnostics);
    }
}
