package io.mailform.cli;

import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.oracle.Client;
import io.mailform.oracle.Explanation;
import io.mailform.oracle.Oracle;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import io.mailform.scenario.ClientAddresses;
import io.mailform.scenario.ClientChoice;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Say step by step what the system does with mail for ADDRESS.", "",
            "Follows Postfix configured from the description: local domain or not, relay permission, the local "
                + "recipient check, aliases, delimiter, mailbox or next hop, and the reply. Like sendmail -bv, from the "
                + "description alone, without a server."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "1:the description has errors", "2:usage error",
            "3:the description could not be read", "4:internal error"})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "The YAML description; - reads standard input.")
    String file;

    @Parameters(index = "1", paramLabel = "ADDRESS", description = "The recipient, as a client writes it in RCPT TO.")
    String address;

    @Option(names = "--client", paramLabel = "inside|outside|IP", defaultValue = "127.0.0.1",
            description = "Where the client connects from (default: ${DEFAULT-VALUE}).")
    String client;

    @Option(names = "--from", paramLabel = "SENDER", defaultValue = "sender@client.example",
            description = "The envelope sender, to whom a bounce would go (default: ${DEFAULT-VALUE}).")
    String sender;

    @Option(names = "--login", paramLabel = "NAME", description = "The client is logged in with SASL as NAME.")
    String login;

    @Mixin
    ReportOptions report;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        InputFile input = new InputFile(file);
        Optional<byte[]> read = input.readOrReport(inputOptions.limits(), System.in, Main.err(spec));
        if (read.isEmpty()) {
            return ExitCode.IO;
        }
        Validation validation = new Pipeline(inputOptions.limits()).validate(input.displayName(), read.get());
        Reporter reporter = new Reporter(report, Main.out(spec), Main.err(spec));
        reporter.add(validation.source(), validation.diagnostics());
        if (validation.hasErrors() || validation.mailSystem().isEmpty()) {
            reporter.print();
            return ExitCode.INVALID;
        }
        MailSystem system = validation.mailSystem().get();
        if (system.mode() == Mode.NONE) {
            Main.err(spec).println("mailform: " + input.displayName() + " has mode none: its main.cf is maintained "
                    + "by hand, so the description does not say what the system does with mail");
            return ExitCode.INVALID;
        }
        Oracle oracle = new Oracle(system);
        IpAddress clientAddress = new ClientAddresses(system, oracle).of(clientChoice())
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        "no address is inside networks: the description lists none"));
        Explanation explanation = oracle.explain(new Client(clientAddress, Optional.ofNullable(login)), sender,
                address);
        print(Main.out(spec), input.displayName(), clientAddress, oracle.isInsideNetworks(clientAddress),
                explanation);
        return ExitCode.OK;
    }

    private ClientChoice clientChoice() {
        return switch (client) {
            case "inside" -> new ClientChoice.Inside();
            case "outside" -> new ClientChoice.Outside();
            default -> new ClientChoice.At(IpAddress.parse(client).orElseThrow(
                    () -> new CommandLine.ParameterException(spec.commandLine(),
                            "--client takes inside, outside or an IP address, not " + client)));
        };
    }

    private void print(PrintStream out, String description, IpAddress clientAddress, boolean inside,
            Explanation explanation) {
        out.println(description + ": mail for " + address + " from a client at " + clientAddress.text() + " ("
                + (inside ? "inside" : "outside") + " networks" + (login == null ? "" : ", logged in as " + login)
                + "), sender " + sender);
        explanation.steps().forEach(step -> out.println("  " + step));   // the reply among them, once
        if (explanation.prediction().outcome().accepted()) {
            out.println("copies: " + (explanation.copies().isEmpty() ? "none" : String.join("; ",
                    explanation.copies())));
        }
        explanation.prediction().uncertainties().forEach(uncertainty -> out.println("not judged: " + uncertainty));
    }
}
