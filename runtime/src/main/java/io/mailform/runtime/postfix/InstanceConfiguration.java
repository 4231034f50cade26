package io.mailform.runtime.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailform.runtime.config.StartupException;

/**
 * The instance's configuration directory: the compiled files and Debian's master.cf copied in, then the overrides
 * applied with Postfix's own tools and the lookup tables built. The compiled directory itself is never changed.
 */
final class InstanceConfiguration {
    private static final Pattern HASH_TABLE = Pattern.compile("hash:([^\\s,]+)");
    private static final Set<String> ALIAS_PARAMETERS = Set.of("alias_maps", "alias_database");
    private static final List<String> SANDBOX_TABLES = List.of(SandboxTables.TRANSPORT, SandboxTables.SASL_PASSWD,
        SandboxTables.TLS_POLICY);

    private final HostPostfix host;
    private final InstanceLayout layout;

    InstanceConfiguration(HostPostfix host, InstanceLayout layout) {
        this.host = host;
        this.layout = layout;
    }

    /** Copies the compiled files with their modes (sasl_passwd stays 0600) and Debian's master.cf. */
    void copy(PostfixDirectory compiled) throws IOException {
        for (Path file : compiled.files()) {
            Files.copy(file, layout.conf().resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.copy(host.masterCf(), layout.conf().resolve("master.cf"));
        backdate();
    }

    /** The compiled main.cf as Postfix reads it. */
    CompiledMainCf mainCf() throws IOException, StartupException {
        return CompiledMainCf.parse(succeed(postconf(List.of("-n")), "read the compiled main.cf").stdout());
    }

    /** The compiled tables the sandbox rewrites, by file name, those present only. */
    Map<String, LookupTable> sandboxTables() throws IOException {
        Map<String, LookupTable> tables = new LinkedHashMap<>();
        for (String name : SANDBOX_TABLES) {
            Path file = layout.conf().resolve(name);
            if (Files.isRegularFile(file)) {
                tables.put(name, LookupTable.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return tables;
    }

    /** Applies the overrides, builds every hash table main.cf names in the configuration directory. */
    void apply(List<Setting> settings, List<ServiceChange> services, SandboxTables.Rewritten tables)
            throws IOException, StartupException {
        List<String> assignments = new ArrayList<>(List.of("-e"));
        settings.forEach(setting -> assignments.add(setting.assignment()));
        succeed(postconf(assignments), "apply the instance's main.cf settings");
        backdate();
        for (ServiceChange service : services) {
            succeed(postconf(service.postconf()), "change master.cf: " + service.change());
            backdate();
        }
        for (Map.Entry<String, String> table : tables.tables().entrySet()) {
            // Written over the copy, which keeps the compiled file's mode.
            Files.writeString(layout.conf().resolve(table.getKey()), table.getValue(), StandardCharsets.UTF_8);
        }
        build(settings);
    }

    /** postalias for the alias tables, postmap for the others, each once; each .db gets its source's mode. */
    private void build(List<Setting> settings) throws IOException, StartupException {
        Set<Path> aliases = new LinkedHashSet<>();
        Set<Path> maps = new LinkedHashSet<>();
        for (Setting setting : settings) {
            Matcher matcher = HASH_TABLE.matcher(setting.value());
            while (matcher.find()) {
                Path table = Path.of(matcher.group(1));
                if (table.startsWith(layout.conf())) {
                    (ALIAS_PARAMETERS.contains(setting.parameter()) ? aliases : maps).add(table);
                }
            }
        }
        for (Path table : aliases) {
            succeed(Commands.run(List.of(host.postalias().toString(), "-c", layout.conf().toString(),
                "hash:" + table)), "build " + table.getFileName());
            sameMode(table);
        }
        for (Path table : maps) {
            succeed(Commands.run(List.of(host.postmap().toString(), "-c", layout.conf().toString(),
                "hash:" + table)), "build " + table.getFileName());
            sameMode(table);
        }
    }

    /**
     * Every Postfix program, postconf included, waits up to about 2 s until main.cf and master.cf are older than the
     * current second, so that it never reads a file an editor is still writing; files the runtime has just written
     * are dated back instead.
     */
    private void backdate() throws IOException {
        FileTime past = FileTime.from(Instant.now().minusSeconds(60));
        for (String name : List.of("main.cf", "master.cf")) {
            Files.setLastModifiedTime(layout.conf().resolve(name), past);
        }
    }

    private static void sameMode(Path table) throws IOException {
        Path database = table.resolveSibling(table.getFileName() + ".db");
        Files.setPosixFilePermissions(database, Files.getPosixFilePermissions(table));
    }

    private CommandResult postconf(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(host.postconf().toString(), "-c", layout.conf().toString()));
        command.addAll(arguments);
        return Commands.run(command);
    }

    /** Postfix's tools report problems as warnings on stderr with a success status: either counts as failure. */
    private static CommandResult succeed(CommandResult result, String what) throws StartupException {
        if (!result.succeeded() || !result.stderr().isBlank()) {
            throw new StartupException("cannot " + what + ":\n" + result.describe());
        }
        return result;
    }
}
