package io.mailform.adopt;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import io.mailform.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What import found while mapping: diagnostics positioned in the host's files, the main.cf parameters already
 * accounted for (reported, or replaced by their value) so that the round-trip comparison does not report them again,
 * and notes for the user (such as a password file to create).
 */
final class ImportLog {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> settled = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<SourceFile> tables = new ArrayList<>();

    void report(Code code, Origin origin, String message, String help) {
        diagnostics.add(Diagnostic.of(code, origin.file(), origin.span(), message, help));
        if (origin.parameter() != null) {
            settled.add(origin.parameter());
        }
    }

    void report(Code code, MainCfFile mainCf, MainCfSetting setting, String message, String help) {
        report(code, origin(mainCf.source(), setting), message, help);
    }

    void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    void settle(String parameter) {
        settled.add(parameter);
    }

    boolean isSettled(String parameter) {
        return settled.contains(parameter);
    }

    void note(String note) {
        notes.add(note);
    }

    /** A table read whose lines diagnostics may show; never the password table. */
    void table(SourceFile source) {
        tables.add(source);
    }

    List<SourceFile> tables() {
        return List.copyOf(tables);
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    static Origin origin(SourceFile source, MainCfSetting setting) {
        return new Origin(source.name(), setting.span(), setting.name());
    }

    /** The start of a file, for what a file lacks rather than what one of its lines says. */
    static Origin start(SourceFile source, String parameter) {
        return new Origin(source.name(), Span.at(source.positionAt(0)), parameter);
    }
}
