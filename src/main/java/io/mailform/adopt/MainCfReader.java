package io.mailform.adopt;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads main.cf as Postfix does: logical lines ({@link LogicalLines}), {@code name = value} with or without
 * spaces around {@code =}, values stripped, {@code $name} references kept as written.
 *
 * <p>Values are read here rather than asked of {@code postconf -n -c DIR}: diagnostics need the line each value is
 * written on, which postconf does not say, and import must work on a copy of a host's files where no Postfix is
 * installed. The round-trip tests hold this reader to postconf's reading of every fixture.
 */
final class MainCfReader {
    private static final Pattern SETTING = Pattern.compile("([A-Za-z0-9_]+)\\s*=\\s*(.*)", Pattern.DOTALL);

    private MainCfReader() {
    }

    static MainCfFile read(SourceFile source) {
        List<MainCfSetting> settings = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (LogicalLine line : LogicalLines.of(source)) {
            if (line.text().startsWith(" ")) {
                diagnostics.add(Diagnostic.of(Code.IMPORT_SYNTAX, source.name(), line.span(),
                        "this line starts with whitespace, so it continues a setting, but no setting comes before it",
                        "remove the leading whitespace, or join it to the setting it belongs to"));
                continue;
            }
            Matcher matcher = SETTING.matcher(line.text());
            if (!matcher.matches()) {
                diagnostics.add(Diagnostic.of(Code.IMPORT_SYNTAX, source.name(), line.span(),
                        "missing '=' after a parameter name: Postfix refuses to start with this line",
                        "write it as name = value, or make it a comment with '#' at the start of the line"));
                continue;
            }
            settings.add(new MainCfSetting(matcher.group(1), matcher.group(2).strip(), line.line(), line.span()));
        }
        return new MainCfFile(source, settings, diagnostics);
    }
}
