package io.mailform.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line of {@code mailform run}, which the runtime's RunMain runs (see {@link RuntimeCommand}). */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Start the described system on loopback, for tests of your own.", "",
            "Starts DIR (as written by `mailform compile -o DIR`), or compiles the YAML description FILE and starts "
                + "that: DIR/james on Apache James, or DIR/postfix in a private instance of this host's Postfix (as "
                + "root; runtime/CONFIG.md lists what the instance changes, and why). Prints one line, ready and the "
                + "ports, once SMTP answers, and runs until SIGTERM or SIGINT. It listens on 127.0.0.1 only. "
                + "SIGTERM or SIGINT stops it: it takes no more mail, lets James deliver what it holds for at most "
                + "10 s, stops, and exits with the status below."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by SIGTERM or SIGINT; every accepted message was delivered or bounced",
            "1:could not start (the reason is on standard error)", "2:usage error",
            "3:stopped, but messages accepted were neither delivered nor bounced: lost (their number is on standard "
                + "error)",
            "4:the stop failed: the server did not stop within 60 s, or stopping it failed (Postfix: the host could "
                + "not be restored completely; standard error says what is left)"})
public class RunCommandLine extends RuntimeCommand {
    /** The server to run on. */
    public enum Server {
        james, postfix
    }

    @Parameters(index = "0", paramLabel = "DIR|FILE",
            description = "The compiled configuration directory, or a YAML description.")
    protected Path system;

    @Option(names = "--server", paramLabel = "james|postfix", converter = ServerConverter.class,
            description = "The server to run it on (default: james).")
    protected Server server = Server.james;

    @Option(names = "--smtp-port", paramLabel = "N", description = "SMTP port (default: a free one).")
    protected Integer smtpPort;

    @Option(names = "--imap-port", paramLabel = "N", description = "IMAP port (default: a free one; James only).")
    protected Integer imapPort;

    @Option(names = "--ports-file", paramLabel = "F",
            description = "Write the ports here as name=port lines once ready.")
    protected Path portsFile;

    @Option(names = "--credentials-file", paramLabel = "F",
            description = "Write each account's IMAP password here as account=password lines, mode 0600, kept after "
                    + "stop (default: a file in a new private temporary directory, removed at stop; James only).")
    protected Path credentialsFile;

    @Option(names = "--capture-dir", paramLabel = "DIR",
            description = "Write each message a capture sink receives into DIR as NNNNNN-SINK.eml, and its envelope "
                    + "as a line of DIR/index.jsonl. DIR must be new or empty.")
    protected Path captureDir;

    @Option(names = "--no-sandbox",
            description = "Deliver outbound mail for real instead of to capture sinks on loopback (James only).")
    protected boolean noSandbox;

    /** {@code james} or {@code postfix}, in lower case as the reports spell them. */
    static final class ServerConverter implements CommandLine.ITypeConverter<Server> {
        @Override
        public Server convert(String value) {
            for (Server server : Server.values()) {
                if (server.name().equals(value)) {
                    return server;
                }
            }
            throw new CommandLine.TypeConversionException("\"" + value + "\" is not a server: james or postfix");
        }
    }
}
