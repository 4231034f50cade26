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
import java.util.Set;
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
    private static final Set<String> REQUIRED = Set.of("version", "mode", "hostname", "mail_name");

    /** Where the host's files are: the configuration directory, the aliases file and the mailname file. */
    public record Request(Path configDirectory, Path aliases, Path mailname) {
    }

    public ImportResult run(Request request) throws IOException {
        HostFiles host = HostFiles.read(request.configDirectory(), request.aliases(), request.mailname());
        Optional<MainCfFile> mainCf = host.mainCf().map(MainCfReader::read);
        Mode mode = ModeRecogniser.recognise(mainCf, host.mailname());
        Attempt attempt = attempt(host, mainCf, mode, Optional.empty());
        if (attempt.result() == null && mode != Mode.NONE) {
            attempt = attempt(host, mainCf, Mode.NONE, Optional.of(attempt.refusal()));
        }
        if (attempt.result() == null) {
            throw new IllegalStateException("import could not write a valid description: "
                    + attempt.refusal().message());
        }
        return attempt.result();
    }

    /**
     * The import in one mode, or the refusal of a key every description of the mode needs (a host name that is not
     * fully qualified, say), after which the host is imported as mode none, all of main.cf under postfix.
     */
    private record Attempt(ImportResult result, Diagnostic refusal) {
    }

    private Attempt attempt(HostFiles host, Optional<MainCfFile> mainCf, Mode mode, Optional<Diagnostic> refused)
            throws IOException {
        ImportLog log = new ImportLog();
        refused.ifPresent(log::add);
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
        if (host.aliases().isEmpty()) {
            log.note("there is no aliases file; compile writes one with postmaster: root, as Debian's installer does");
        }
        host.mailname().ifPresent(sources::add);
        Description description = initial(host, mainCf, mode, log, aliasMembers, refused.isPresent());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            DescriptionWriter.Rendered rendered = DescriptionWriter.render(description);
            RoundTrip.Outcome outcome = new RoundTrip().run(rendered.text(), passwordFiles(description));
            if (!outcome.errors().isEmpty()) {
                Optional<Diagnostic> required = requiredRefused(rendered, outcome.errors(), host, mainCf, mode);
                if (required.isPresent()) {
                    return new Attempt(null, required.get());
                }
                Optional<Description> without = withoutRefused(description, rendered, outcome.errors(), host, mainCf,
                        log);
                if (without.isEmpty()) {
                    return new Attempt(null, outcome.errors().get(0));
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
                        "mode none writes no mailname, so compile leaves " + host.mailname().get().name() + " out",
                        "keep " + host.mailname().get().name() + " by hand");
            }
            for (Diagnostic warning : outcome.warnings()) {
                Origin origin = originOf(rendered, warning, host, mainCf);
                log.report(warning.code(), origin, warning.message(), warning.help().orElse(""));
            }
            sources.addAll(log.tables());
            return new Attempt(new ImportResult(rendered.text(), mode, log.diagnostics(), sources, log.notes()), null);
        }
        throw new IllegalStateException("import did not settle after " + MAX_ROUNDS + " rounds");
    }

    private static Description initial(HostFiles host, Optional<MainCfFile> mainCf, Mode mode, ImportLog log,
            List<Member> aliasMembers, boolean refused) throws IOException {
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
                    : refused ? "Mode none: a key the installer's mode needs was refused (see the diagnostics);"
                            + " main.cf's parameters are kept under postfix."
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

    /** The refusal of a key that every description of the mode needs, which leaving out cannot mend. */
    private static Optional<Diagnostic> requiredRefused(DescriptionWriter.Rendered rendered, List<Diagnostic> errors,
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
    private static Optional<Description> withoutRefused(Description description, DescriptionWriter.Rendered rendered,
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
    private static Origin originOf(DescriptionWriter.Rendered rendered, Diagnostic diagnostic, HostFiles host,
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
