package io.mailform.emit.postfix;

import io.mailform.diag.Diagnostics;
import io.mailform.emit.EmitContext;
import io.mailform.emit.Emitted;
import io.mailform.emit.Emitter;
import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import io.mailform.emit.SecretReader;
import io.mailform.emit.SourceName;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.source.SourceFile;
import io.mailform.yaml.Findings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Postfix target: main.cf, aliases, mailname, the lookup tables that apply (transport, sasl_passwd,
 * tls_policy) and install.sh, which puts them where Debian's postfix package keeps them. Every value passes
 * {@link ValueGuard} first; if anything is refused, or a relay password cannot be read, no file is produced.
 */
public final class PostfixEmitter implements Emitter {
    public static final String TARGET = "postfix";
    private static final String INSTALL_SCRIPT = "install.sh";

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public Emitted emit(MailSystem system, SourceFile source, EmitContext context) {
        Diagnostics diagnostics = new Diagnostics(source);
        Findings findings = new Findings(diagnostics, context.sourceMap());
        ValueGuard guard = new ValueGuard(findings);
        boolean template = system.mode() != Mode.NONE;

        List<MainCfEntry> mainCf = MainCf.entries(system);
        guard.mainCf(mainCf);
        List<AliasLine> aliases = AliasesFile.lines(system);
        guard.aliases(aliases, system.allowedAliasTargets());
        Map<Table, List<MapEntry>> tables = new EnumMap<>(Table.class);
        if (template) {
            tables.put(Table.TRANSPORT, guard.table(Table.TRANSPORT, TransportMap.entries(system)));
            List<Credentials> credentials = RelayCredentials.of(system, new SecretReader(context, findings)).stream()
                    .filter(guard::credentials)
                    .toList();
            tables.put(Table.SASL_PASSWD, guard.table(Table.SASL_PASSWD, SaslPasswordMap.entries(credentials)));
            tables.put(Table.TLS_POLICY, guard.table(Table.TLS_POLICY, TlsPolicyMap.entries(system)));
        }
        tables.values().removeIf(List::isEmpty);
        if (findings.hasErrors()) {
            return new Emitted(OutputTree.empty(), diagnostics.toList());
        }

        String origin = SourceName.of(source);
        TreeMap<String, OutputFile> files = new TreeMap<>();
        boolean writesMainCf = template || !mainCf.isEmpty();
        if (writesMainCf) {
            files.put(InstallScript.MAIN_CF_FILE, text(Templates.render("main.cf.mustache",
                    new MainCfView(origin, mainCf)), OutputFile.PUBLIC));
        }
        files.put(InstallScript.ALIASES_FILE, text(Templates.render("aliases.mustache",
                new AliasesView(origin, aliases.stream().map(AliasesView.Line::of).toList())), OutputFile.PUBLIC));
        boolean writesMailname = template && system.mailName().isPresent();
        if (writesMailname) {
            files.put(InstallScript.MAILNAME_FILE, text(system.mailName().get().value() + "\n", OutputFile.PUBLIC));
        }
        tables.forEach((table, entries) -> files.put(table.fileName(), text(Templates.render("table.mustache",
                new TableView(origin, table.about(), table.installedPath(), entries)), table.mode())));
        InstallScript script = InstallScript.of(origin, writesMailname, new ArrayList<>(tables.keySet()),
                writesMainCf, template, system.synchronousUpdates());
        files.put(INSTALL_SCRIPT, text(Templates.render("install.sh.mustache", script), OutputFile.EXECUTABLE));
        return new Emitted(new OutputTree(files), diagnostics.toList());
    }

    private static OutputFile text(String content, int mode) {
        return new OutputFile(content.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** The view of main.cf.mustache. */
    record MainCfView(String source, List<MainCfEntry> parameters) {
    }

    /** The view of aliases.mustache. */
    record AliasesView(String source, List<Line> lines) {
        record Line(String name, String separator, String targets) {
            static Line of(AliasLine line) {
                return new Line(line.name(), line.separator(), line.targetText());
            }
        }
    }

    /** The view of table.mustache. */
    record TableView(String source, String about, String installedPath, List<MapEntry> entries) {
    }
}
