package io.mailform.adopt;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.model.Mode;
import io.mailform.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            UnusedParameters.report(file, log);
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
            RoundTrip.Outcome outcome = new RoundTrip().run(rendered.text(), description.passwordFiles());
            if (!outcome.errors().isEmpty()) {
                Optional<Diagnostic> required = Refusals.required(rendered, outcome.errors(), host, mainCf, mode);
                if (required.isPresent()) {
                    return new Attempt(null, required.get());
                }
                Optional<Description> without = Refusals.without(description, rendered, outcome.errors(), host, mainCf,
                        log);
                if (without.isEmpty()) {
                    return new Attempt(null, outcome.errors().get(0));
                }
                description = without.get();
                continue;
            }
            Optional<Description> kept = mainCf.isEmpty() ? Optional.empty()
                    : Differences.keepUnowned(description, mainCf.get(), mode, outcome.compiled(), log);
            if (kept.isPresent()) {
                description = kept.get();
                continue;
            }
            mainCf.ifPresent(file -> Differences.report(file, outcome.compiled(), log));
            if (mode == Mode.NONE && MailName.of(host.mailname()).isPresent()) {
                log.report(Code.IMPORT_NOT_REPRESENTABLE, ImportLog.start(host.mailname().get(), null),
                        "mode none writes no mailname, so compile leaves " + host.mailname().get().name() + " out",
                        "keep " + host.mailname().get().name() + " by hand");
            }
            for (Diagnostic warning : outcome.warnings()) {
                Origin origin = Refusals.originOf(rendered, warning, host, mainCf);
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
}
