package io.mailform.runtime.server;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.james.GuiceJamesServer;
import org.apache.james.core.Domain;

import io.mailform.postfix.RecipientDelimiter;
import io.mailform.runtime.address.MailSettings;
import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.config.EffectiveConfiguration;
import io.mailform.runtime.config.ImapPasswords;
import io.mailform.runtime.config.JamesDirectory;
import io.mailform.runtime.config.Provisioning;
import io.mailform.runtime.config.ProvisioningReader;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.SandboxTls;

/**
 * Starts a mail system: compiles a description if given one, checks the directory, starts the sinks and James, applies
 * the provisioning, waits for SMTP.
 */
public final class MailSystemRuntime {
    private static final Duration SMTP_ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;

    static {
        // GuiceJamesServer calls System.exit on a failed start unless told otherwise; the runtime reports instead.
        System.setProperty("james.exit.on.startup.error", "false");
    }

    private MailSystemRuntime() {
    }

    /** Starts a compiled directory, or a YAML description after compiling it into a temporary one. */
    public static RunningMailSystem start(RuntimeOptions options) throws StartupException {
        if (!Files.isRegularFile(options.system())) {
            return start(options.system(), options, Optional.empty());
        }
        Path compiled = TemporaryDirectories.register(
            DescriptionCompiler.compile(options.system(), System.getenv(), System.err));
        try {
            return start(compiled, options, Optional.of(compiled));
        } catch (StartupException | RuntimeException e) {
            TemporaryDirectories.delete(compiled);
            throw e;
        }
    }

    /**
     * Starts James, again with other ports when a port it chose itself was taken before James bound it.
     *
     * @param owned a directory to delete when the system stops: the compiled description
     */
    private static RunningMailSystem start(Path system, RuntimeOptions options, Optional<Path> owned)
            throws StartupException {
        boolean portsChosenHere = options.smtpPort().isEmpty() || options.imapPort().isEmpty();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(system, options, owned);
            } catch (StartupException e) {
                if (!portsChosenHere || attempt == PORT_ATTEMPTS || !causedBy(e, BindException.class)) {
                    throw e;
                }
            }
        }
    }

    private static RunningMailSystem attempt(Path system, RuntimeOptions options, Optional<Path> owned)
            throws StartupException {
        JamesDirectory directory = JamesDirectory.open(system);
        Provisioning provisioning = ProvisioningReader.read(directory.provisioning());
        MailSettings settings = settingsOf(provisioning, directory);
        EffectiveConfiguration configuration = new EffectiveConfiguration(directory);
        Map<String, String> passwords = ImapPasswords.of(provisioning, new SecureRandom());

        Map<String, CaptureSink> sinks = new LinkedHashMap<>();
        Path workingDirectory = null;
        GuiceJamesServer server = null;
        try {
            if (options.sandbox()) {
                SandboxTls tls = SandboxTls.create();
                for (String gateway : configuration.outboundGateways()) {
                    sinks.put(gateway, CaptureSink.start(gateway, tls));
                }
            }
            int smtpPort = portOrFree(options.smtpPort());
            int imapPort = portOrFree(options.imapPort());
            workingDirectory = TemporaryDirectories.create("mailform-james-");
            Map<String, Integer> sinkPorts = new LinkedHashMap<>();
            sinks.forEach((gateway, sink) -> sinkPorts.put(gateway, sink.port()));
            configuration.write(workingDirectory, smtpPort, imapPort, sinkPorts);

            server = JamesAssembly.create(workingDirectory, settings);
            startJames(server, directory);
            long provisioningStart = System.nanoTime();
            server.getProbe(ProvisioningProbe.class).apply(provisioning, passwords);
            Duration provisioningTime = Duration.ofNanos(System.nanoTime() - provisioningStart);
            SmtpGreeting.await(RunningMailSystem.HOST, smtpPort, SMTP_ANSWER_TIMEOUT);
            ClassCacheRecording.jamesStarted(System.err);
            List<Path> temporary = new ArrayList<>(List.of(workingDirectory));
            owned.ifPresent(temporary::add);
            return new RunningMailSystem(server, temporary, smtpPort, imapPort, sinks, passwords,
                Provisioned.of(provisioning, provisioningTime));
        } catch (StartupException | IOException | RuntimeException e) {
            cleanUp(server, workingDirectory, sinks);
            if (e instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException(directory.systemDirectory() + ": cannot start: " + e.getMessage(), e);
        }
    }

    private static MailSettings settingsOf(Provisioning provisioning, JamesDirectory directory)
            throws StartupException {
        Optional<Domain> mailName;
        try {
            mailName = provisioning.mailName().map(Domain::of);
        } catch (IllegalArgumentException e) {
            throw new StartupException(directory.provisioning() + ": /mailName is not a domain name: "
                + e.getMessage());
        }
        return new MailSettings(mailName, RecipientDelimiter.of(provisioning.recipientDelimiter()));
    }

    private static void startJames(GuiceJamesServer server, JamesDirectory directory) throws StartupException {
        try {
            server.start();
        } catch (Throwable e) {
            throw new StartupException(directory.conf() + ": James cannot start with this configuration: "
                + rootCause(e), e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        // Guice wraps the real problem in a long multi-line report; the first line names it.
        return cause.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static int portOrFree(OptionalInt port) throws IOException {
        return port.isPresent() ? port.getAsInt() : UnusedPorts.pick(RunningMailSystem.HOST);
    }

    private static void cleanUp(GuiceJamesServer server, Path workingDirectory, Map<String, CaptureSink> sinks) {
        if (server != null) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                // Stopping a half-started server may fail; the start error is the one to report.
            }
        }
        for (CaptureSink sink : sinks.values()) {
            try {
                sink.close();
            } catch (IOException e) {
                // See above.
            }
        }
        if (workingDirectory != null) {
            TemporaryDirectories.delete(workingDirectory);
        }
    }
}
