package io.mailform.adopt;

import io.mailform.check.OwningKeys;
import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.model.Mode;
import io.mailform.postfix.KnownParameters;
import io.mailform.postfix.MainCfParameter;
import io.mailform.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Postfix host's configuration and writes the description that compiles back to it. The mappers give the
 * first-class keys; then the description is validated and compiled in process, and its main.cf compared with the
 * host's, parameter by parameter, until they agree or the difference is reported: a parameter without a key of its
 * own is kept under {@code postfix}; a value mailform refuses is left out and reported at its line, with the reason;
 * a parameter that a key owns but cannot reproduce is reported. The description written is always valid.
 */
public final class Importer {
    private static final int MAX_ROUNDS = 64;

    /** Where the host's files are: the configuration directory, the aliases file and the mailname file. */
    public record Request(Path configDirectory, Path aliases, Path mailname) {
    }

    public ImportResult run(Request request) throws IOException {
        HostFiles host = HostFiles.read(request.configDirectory(), request.aliases(), request.mailname());
        Optional<MainCfFile> mainCf = host.mainCf().map(MainCfReader::read);
        Mode mode = ModeRecogniser.recognise(mainCf, host.mailname());
        ImportResult result = attempt(host, mainCf, mode);
        if (mode != Mode.NONE && result == null) {
            result = attempt(host, mainCf, Mode.NONE);
        }
        if (result == null) {
            throw new IllegalStateException("import could not write a valid description");
        }
        return result;
    }

    /** The import in one mode, or null when the description cannot be made valid in it. */
    private ImportResult attempt(HostFiles host, Optional<MainCfFile> mainCf, Mode mode) throws IOException {
        ImportLog log = new ImportLog();
        List<SourceFile> sources = new ArrayList<>();
        mainCf.ifPresent(file -> {
            sources.add(file.source());
            file.diagnostics().forEach(log::add);
            unused(file, log);
        });
        List<Member> aliasMembers = new ArrayList<>();
        if (host.aliases().isPresent()) {
            sources.add(host.aliases().get());
            AliasesReader.Read read = AliasesReader.read(host.aliases().get());
            read.diagnostics().forEach(log::add);
            aliasMembers.addAll(new AliasMapper(host.aliases().get(), read.entries()).members());
        }
        host.mailname().ifPresent(sources::add);
        Description description = initial(host, mainCf, mode, log, aliasMembers);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            DescriptionWriter.Rendered rendered = DescriptionWriter.render(description);
            RoundTrip.Outcome outcome = new RoundTrip().run(rendered.text(), passwordFiles(description));
            if (!outcome.errors().isEmpty()) {
                Optional<Description> without = withoutRefused(description, rendered, outcome.errors(), host, log);
                if (without.isEmpty()) {
                    return null;
                }
                description = without.get();
                continue;
            }
            Optional<Description> kept = mainCf.isEmpty() ? Optional.empty()
                    : keepUnowned(description, mainCf.get(), mode, outcome.compiled(), log);
            if (kept.isPresent()) {
                description = kept.get();
                continue;
            }
            mainCf.ifPresent(file -> reportDifferences(file, outcome.compiled(), log));
            if (mode == Mode.NONE && MailName.of(host.mailname()).isPresent()) {
                log.report(Code.IMPORT_NOT_REPRESENTABLE, ImportLog.start(host.mailname().get(), null),
                        "mode none writes no mailname, and this configuration is not one the installer's modes write",
                        "keep " + host.mailname().get().name() + " by hand");
            }
            for (Diagnostic warning : outcome.warnings()) {
                Origin origin = originOf(rendered, warning, host);
                log.report(warning.code(), origin, warning.message(), warning.help().orElse(""));
            }
            return new ImportResult(rendered.text(), mode, log.diagnostics(), sources, log.notes());
        }
        throw new IllegalStateException("import did not settle after " + MAX_ROUNDS + " rounds");
    }

    private static Description initial(HostFiles host, Optional<MainCfFile> mainCf, Mode mode, ImportLog log,
            List<Member> aliasMembers) throws IOException {
        List<String> header = new ArrayList<>();
        List<String> read = new ArrayList<>();
        host.mainCf().ifPresent(file -> read.add(file.name()));
        host.aliases().ifPresent(file -> read.add(file.name()));
        host.mailname().ifPresent(file -> read.add(file.name()));
        header.add("Imported by mailform import from " + (read.isEmpty() ? host.displayDirectory()
                : String.join(", ", read)) + ".");
        List<Member> members = new ArrayList<>();
        members.add(Member.of("version", YamlValue.Scalar.number(1), null));
        members.add(Member.of("mode", YamlValue.Scalar.of(mode.key()), null));
        if (mode == Mode.NONE) {
            header.add(mainCf.isEmpty() ? "Mode none: there is no main.cf."
                    : "Mode none: main.cf lacks what Debian's installer writes in every mode (myhostname, and myorigin"
                            + " = /etc/mailname with a mail name there); its parameters are kept under postfix.");
        } else {
            MainCfFile file = mainCf.get();
            header.add("Mode " + mode.key() + ": " + ModeRecogniser.reason(mode) + ".");
            KeyMapper keys = new KeyMapper(file, mode, file.value("myhostname").get(),
                    MailName.of(host.mailname()).get(), log);
            members.addAll(keys.identity());
            RelayMapper relays = new RelayMapper(host, file, log);
            relays.relay().ifPresent(members::add);
            relays.routes().ifPresent(members::add);
            members.addAll(keys.rest());
            if (!keys.defaults().isEmpty()) {
                header.add("Left to the installer's defaults for this mode, which this host's values equal: "
                        + String.join(", ", keys.defaults()) + ".");
            }
        }
        members.addAll(aliasMembers);
        header.add("For editors: mailform schema > mailsystem.schema.json puts the schema beside this file.");
        return new Description(header, members);
    }

    /** Parameters Postfix ignores: unknown names no other parameter refers to. postconf -n leaves them out too. */
    private static void unused(MainCfFile file, ImportLog log) {
        Map<String, MainCfSetting> effective = file.effective();
        for (MainCfSetting setting : effective.values()) {
            if (KnownParameters.contains(setting.name())) {
                continue;
            }
            Pattern reference = Pattern.compile("\\$(?:\\{|\\()?" + Pattern.quote(setting.name()) + "(?![A-Za-z0-9_])");
            boolean referenced = effective.values().stream().filter(other -> other != setting)
                    .anyMatch(other -> reference.matcher(other.value()).find());
            if (!referenced) {
                log.report(Code.IMPORT_UNUSED_PARAMETER, file, setting, "\"" + setting.name()
                        + "\" is not a Postfix parameter and nothing refers to it: Postfix ignores it, and so does import",
                        "remove it from main.cf, or correct its name");
            }
        }
    }

    /** Drops the members the errors point at, reporting each at the host's line it came from. */
    private static Optional<Description> withoutRefused(Description description, DescriptionWriter.Rendered rendered,
            List<Diagnostic> errors, HostFiles host, ImportLog log) {
        Description result = description;
        for (Diagnostic error : errors) {
            Optional<DescriptionWriter.Placed> placed = innermost(rendered, error.span().start().line());
            if (placed.isEmpty() || placed.get().path().size() == 1 && List.of("version", "mode", "hostname",
                    "mail_name").contains(placed.get().path().get(0))) {
                return Optional.empty();
            }
            Origin origin = originOf(rendered, error, host);
            log.report(Code.IMPORT_REFUSED, origin, String.join(".", placed.get().path()) + ": " + error.message()
                    + " [" + error.code().id() + "]; left out of the description, so compile writes what"
                    + " its absence means",
                    error.help().orElse("change the value on the host, or set it in the description by hand"));
            result = result.without(placed.get().path());
        }
        return Optional.of(result);
    }

    /** The host's line a diagnostic about the written YAML comes from: its member's origin, or an ancestor's. */
    private static Origin originOf(DescriptionWriter.Rendered rendered, Diagnostic diagnostic, HostFiles host) {
        int line = diagnostic.span().start().line();
        return rendered.placed().stream()
                .filter(placed -> placed.firstLine() <= line && line <= placed.lastLine())
                .filter(placed -> placed.origin().isPresent())
                .min((a, b) -> Integer.compare(a.lastLine() - a.firstLine(), b.lastLine() - b.firstLine()))
                .flatMap(DescriptionWriter.Placed::origin)
                .orElseGet(() -> host.mainCf().map(file -> ImportLog.start(file, null))
                        .orElseGet(() -> ImportLog.start(host.aliases().orElseThrow(), null)));
    }

    private static Optional<DescriptionWriter.Placed> innermost(DescriptionWriter.Rendered rendered, int line) {
        return rendered.placed().stream()
                .filter(placed -> placed.firstLine() <= line && line <= placed.lastLine())
                .min((a, b) -> Integer.compare(a.lastLine() - a.firstLine(), b.lastLine() - b.firstLine()));
    }

    /** Adds the host's parameters that compile writes otherwise and no key owns under postfix, or empty. */
    private static Optional<Description> keepUnowned(Description description, MainCfFile mainCf, Mode mode,
            Map<String, String> compiled, ImportLog log) {
        Description result = description;
        boolean added = false;
        for (MainCfSetting setting : mainCf.effective().values()) {
            String name = setting.name();
            if (log.isSettled(name) || same(setting.value(), compiled.get(name)) || ownedByKey(name, mode)
                    || result.hasPostfixParameter(name)) {
                continue;
            }
            boolean baseline = mode != Mode.NONE && MainCfParameter.byName(name)
                    .filter(parameter -> parameter.ownership() == MainCfParameter.Ownership.BASELINE).isPresent();
            String[] comment = baseline ? new String[] {"Debian's installer writes " + name + " = "
                    + compiled.getOrDefault(name, "") + "; this host has its own value."} : new String[0];
            result = result.withPostfixParameter(Member.of(name, YamlValue.Scalar.of(setting.value()),
                    ImportLog.origin(mainCf.source(), setting), comment),
                    "Parameters without a key of their own, kept as main.cf writes them.");
            added = true;
        }
        return added ? Optional.of(result) : Optional.empty();
    }

    /** What still differs after everything has been kept: reported, each once. */
    private static void reportDifferences(MainCfFile mainCf, Map<String, String> compiled, ImportLog log) {
        Map<String, MainCfSetting> host = mainCf.effective();
        for (MainCfSetting setting : host.values()) {
            String name = setting.name();
            if (log.isSettled(name) || same(setting.value(), compiled.get(name))) {
                continue;
            }
            String written = compiled.containsKey(name) ? "writes " + name + " = " + compiled.get(name)
                    : "writes no " + name;
            log.report(Code.IMPORT_NOT_REPRESENTABLE, mainCf, setting, name + " = " + setting.value()
                    + " cannot be described: the description compiles to main.cf that " + written, help(name));
        }
        compiled.forEach((name, value) -> {
            if (!host.containsKey(name) && !log.isSettled(name)) {
                log.report(Code.IMPORT_NOT_REPRESENTABLE, ImportLog.start(mainCf.source(), name),
                        "main.cf does not set " + name + ", but the description compiles to main.cf that writes "
                                + name + " = " + value + " (as Debian's installer does)",
                        "set " + name + " = " + value + " in main.cf if that is what the host is meant to do,"
                                + " and import again");
            }
        });
    }

    private static String help(String name) {
        return MainCfParameter.byName(name).flatMap(OwningKeys::of)
                .map(key -> "mailform writes " + name + " itself, from " + key + ", and no value of " + key
                        + " gives this one: keep the setting by hand after installing, or change the host to what "
                        + key + " can say")
                .orElse("keep this setting by hand");
    }

    private static boolean ownedByKey(String name, Mode mode) {
        return mode != Mode.NONE && MainCfParameter.byName(name)
                .filter(parameter -> parameter.ownership() == MainCfParameter.Ownership.KEY).isPresent();
    }

    /** Values compared as Postfix reads lists: the same tokens in the same order. */
    private static boolean same(String host, String compiled) {
        return compiled != null && Tokens.of(host).equals(Tokens.of(compiled));
    }

    private static List<String> passwordFiles(Description description) {
        List<String> files = new ArrayList<>();
        collect(description.members(), files);
        return files;
    }

    private static void collect(List<Member> members, List<String> files) {
        for (Member member : members) {
            if (member.key().equals("password_file") && member.value() instanceof YamlValue.Scalar scalar) {
                files.add(scalar.text());
            } else if (member.value() instanceof YamlValue.Block block) {
                collect(block.members(), files);
            }
        }
    }
}
