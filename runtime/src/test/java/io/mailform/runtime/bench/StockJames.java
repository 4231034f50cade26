package io.mailform.runtime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The yardstick of the runtime's start: the compiled James configuration as stock James 3.8.1
 * ({@code MemoryJamesServerMain}) can start it. SMTP and IMAP on loopback ports without TLS (as the runtime binds them),
 * James's own core SMTP handlers with its {@code ValidRcptHandler} instead of the runtime's, and none of the runtime's
 * mailets; POP3, LMTP, ManageSieve, JMAP, webadmin and JMX stay off as the compiled files say. The runtime's
 * provisioning has no stock equivalent: stock James starts without users and aliases.
 */
final class StockJames {
    static final int SMTP_PORT;
    static final int IMAP_PORT;

    static {
        try {
            SMTP_PORT = RuntimeStartBenchmark.freePort();
            IMAP_PORT = RuntimeStartBenchmark.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StockJames() {
    }

    /** Writes the working directory of stock James ({@code target/conf}) from a compiled {@code james/conf}. */
    static Path prepare(Path compiledConf, Path target) throws IOException {
        Path conf = target.resolve("conf");
        Files.createDirectories(conf);
        try (Stream<Path> files = Files.list(compiledConf)) {
            for (Path file : files.toList()) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        edit(conf.resolve("smtpserver.xml"), text -> text
            .replaceAll("<bind>[^<]*</bind>", "<bind>127.0.0.1:" + SMTP_PORT + "</bind>")
            .replaceAll("startTLS=\"true\"", "startTLS=\"false\"")
            .replaceAll("<handlerchain[^>]*>", "<handlerchain>")
            .replaceAll("<handler class=\"io\\.mailform[^\"]*\"/>",
                "<handler class=\"org.apache.james.smtpserver.fastfail.ValidRcptHandler\"/>")
            .replaceAll("(?s)<handler class=\"io\\.mailform[^\"]*\">.*?</handler>", ""));
        edit(conf.resolve("imapserver.xml"), text -> text
            .replaceAll("<bind>[^<]*</bind>", "<bind>127.0.0.1:" + IMAP_PORT + "</bind>"));
        edit(conf.resolve("mailetcontainer.xml"), text -> text
            .replaceAll("(?m)^\\s*<mailet match=\"[^\"]*\" class=\"io\\.mailform[^\"]*\"/>\\s*$\\n?", "")
            .replaceAll("(?m)^\\s*<mailet match=\"io\\.mailform[^\"]*\" class=\"[^\"]*\"/>\\s*$\\n?", ""));
        return target;
    }

    private static void edit(Path file, java.util.function.UnaryOperator<String> change) throws IOException {
        String text = Files.readString(file);
        String changed = change.apply(text);
        if (changed.contains("io.mailform.runtime")) {
            throw new IllegalStateException(file + " still names the runtime's classes after the changes for stock "
                + "James; the compiled files changed, and so must StockJames");
        }
        Files.writeString(file, changed);
    }
}
