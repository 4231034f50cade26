package io.mailform.sync;

import io.mailform.diag.Code;
import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import io.mailform.emit.postfix.PostfixProvenance;
import io.mailform.emit.postfix.PostfixProvenance.TableOrigin;
import io.mailform.yaml.Pointers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares what a description compiles to (the Postfix files, and which YAML node wrote each part) with what a
 * host has: main.cf by postconf, aliases and tables entry by entry, their .db files, /etc/mailname, and the modes
 * of the files that hold passwords.
 */
public final class HostDrift {
    private static final String PREFIX = "postfix/";
    private final Postconf postconf;

    private HostDrift(Postconf postconf) {
        this.postconf = postconf;
    }

    /** Fails with an instruction when postconf is not installed. */
    public static HostDrift withPostconf() throws IOException {
        return new HostDrift(Postconf.locate());
    }

    /**
     * @param compiled the Postfix target's files, under {@code postfix/} as compile writes them
     * @param against a ROOT or a configuration directory, see {@link HostLayout}
     */
    public List<Difference> between(OutputTree compiled, PostfixProvenance provenance, Path against)
            throws IOException {
        HostLayout host = HostLayout.of(against);
        List<Difference> differences = new ArrayList<>();
        Optional<OutputFile> mainCf = file(compiled, "main.cf");
        if (mainCf.isPresent()) {
            differences.addAll(mainCf(mainCf.get(), host, provenance));
        }
        differences.addAll(aliases(text(compiled, "aliases"), host, provenance));
        Optional<OutputFile> mailname = file(compiled, "mailname");
        if (mailname.isPresent()) {
            mailname(text(mailname.get()), host, provenance).ifPresent(differences::add);
        }
        for (TableOrigin table : provenance.tables()) {
            Optional<OutputFile> source = file(compiled, table.fileName());
            if (source.isPresent()) {
                differences.addAll(table(text(source.get()), table, host));
            }
        }
        return differences;
    }

    private List<Difference> mainCf(OutputFile compiled, HostLayout host, PostfixProvenance provenance)
            throws IOException {
        if (!Files.exists(host.mainCf())) {
            return List.of(FileDrift.missing(host.mainCf(), Pointers.of("mode")));
        }
        Postconf.Reading described = postconf.read(compiled.content());
        if (!described.readable()) {
            throw new IllegalStateException("postconf cannot read the compiled main.cf: " + described.failure());
        }
        return MainCfDrift.compare(described.parameters(), postconf.read(Files.readAllBytes(host.mainCf())),
                host.mainCf().toString(), provenance);
    }

    private List<Difference> aliases(String compiled, HostLayout host, PostfixProvenance provenance)
            throws IOException {
        String pointer = provenance.aliasesFile();
        if (!Files.exists(host.aliases())) {
            return List.of(FileDrift.missing(host.aliases(), pointer));
        }
        EntryDrift drift = new EntryDrift(Code.DRIFT_ALIAS, host.aliases().toString(), false, ": ",
                name -> provenance.alias(name).orElse(Pointers.of("aliases", name)));
        List<Difference> differences = new ArrayList<>(drift.compare(SourceEntries.aliases(compiled),
                SourceEntries.aliases(Files.readString(host.aliases(), StandardCharsets.UTF_8))));
        if (host.installed()) {
            FileDrift.database(host.aliases(), pointer, "newaliases").ifPresent(differences::add);
        }
        return differences;
    }

    private static Optional<Difference> mailname(String compiled, HostLayout host, PostfixProvenance provenance)
            throws IOException {
        String want = compiled.strip();
        String have = Files.exists(host.mailname())
                ? Files.readString(host.mailname(), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip()
                : null;
        if (have != null && have.toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String key = Keys.readable(provenance.mailName());
        String message = have == null ? key + ": " + host.mailname() + " is missing; the description gives " + want
                : key + ": " + host.mailname() + " says " + Keys.quoted(have) + "; the description gives " + want;
        return Optional.of(new Difference(Code.DRIFT_MAILNAME, provenance.mailName(), false, message,
                "install the compiled description (sh install.sh), or change " + key + " to what the host has"));
    }

    private static List<Difference> table(String compiled, TableOrigin table, HostLayout host) throws IOException {
        Path installed = host.table(table.fileName());
        if (!Files.exists(installed)) {
            return List.of(FileDrift.missing(installed, table.pointer()));
        }
        EntryDrift drift = new EntryDrift(Code.DRIFT_TABLE_ENTRY, installed.toString(), table.secret(), " ",
                table::entryPointer);
        List<Difference> differences = new ArrayList<>(drift.compare(SourceEntries.table(compiled),
                SourceEntries.table(Files.readString(installed, StandardCharsets.UTF_8))));
        if (host.installed()) {
            FileDrift.database(installed, table.pointer(), "postmap " + installed).ifPresent(differences::add);
        }
        if (table.secret()) {
            differences.addAll(FileDrift.secret(installed, table.pointer(), host.installed()));
            differences.addAll(FileDrift.secret(Path.of(installed + ".db"), table.pointer(), host.installed()));
        }
        return differences;
    }

    private static Optional<OutputFile> file(OutputTree compiled, String name) {
        return Optional.ofNullable(compiled.files().get(PREFIX + name));
    }

    private static String text(OutputTree compiled, String name) {
        return file(compiled, name).map(HostDrift::text).orElse("");
    }

    private static String text(OutputFile file) {
        return new String(file.content(), StandardCharsets.UTF_8);
    }
}
