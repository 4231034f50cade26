package io.mailform.runtime.postfix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mailform.runtime.compile.DescriptionCompiler;
import io.mailform.runtime.config.Provisioning;
import io.mailform.runtime.config.ProvisioningReader;
import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.SandboxTls;
import io.mailform.runtime.server.SmtpGreeting;
import io.mailform.runtime.server.UnusedPorts;

/**
 * Starts a private instance of the host's Postfix from a compiled description: the compiled main.cf, aliases and
 * tables beside Debian's master.cf, in a temporary directory of its own, with the few overrides a private instance on
 * loopback needs ({@link MainCfSettings}, {@link MasterCfChanges}, {@link SandboxTables}), a capture sink for every
 * next hop, and the system accounts local(8) delivers to. Every change to the host is undone when the instance is
 * closed, when the start fails, and when the JVM ends.
 */
public final class PostfixRuntime {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration SMTP_ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private PostfixRuntime() {
    }

    /** Why this host cannot run a private instance (no Postfix, no SASL modules, not root), or empty when it can. */
    public static Optional<String> hostProblem() {
        try {
            HostPostfix.locate();
            return Optional.empty();
        } catch (StartupException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static RunningPostfix start(PostfixOptions options) throws StartupException {
        HostPostfix host = HostPostfix.locate();
        Teardown teardown = Teardown.start();
        try {
            return start(host, options, teardown);
        } catch (StartupException | IOException | RuntimeException e) {
            List<String> failures = teardown.run();
            String message = e instanceof StartupException ? e.getMessage() : "cannot start Postfix: " + e;
            if (!failures.isEmpty()) {
                message += "\nand the host could not be restored completely: " + String.join("; ", failures);
            }
            throw new StartupException(message, e);
        }
    }

    private static RunningPostfix start(HostPostfix host, PostfixOptions options, Teardown teardown)
            throws StartupException, IOException {
        Path system = options.system();
        if (Files.isRegularFile(system)) {
            system = teardown.afterChange("compile " + system, () -> DescriptionCompiler.compileForPostfix(
                options.system(), System.getenv(), options.warnings()), DirectoryTree::delete);
        }
        PostfixDirectory compiled = PostfixDirectory.open(system);
        List<String> accounts = accountsOf(ProvisioningReader.read(compiled.provisioning()));
        if (options.smtpPort().isPresent()) {
            available(options.smtpPort().getAsInt());
        }

        Path base = teardown.afterChange("create the instance's directory",
            () -> Files.createTempDirectory("mailform-postfix-"), DirectoryTree::delete);
        InstanceLayout layout = InstanceLayout.under(base);
        layout.create();
        InstanceConfiguration configuration = new InstanceConfiguration(host, layout);
        configuration.copy(compiled);
        CompiledMainCf mainCf = configuration.mainCf();
        Map<String, LookupTable> tables = configuration.sandboxTables();
        SandboxRouting routing = SandboxRouting.of(mainCf,
            Optional.ofNullable(tables.get(SandboxTables.TRANSPORT)));

        Map<String, CaptureSink> sinks = startSinks(routing.sinkNames(), layout, teardown);
        // Chosen once the sinks hold their ports, so that no sink can take the one chosen for smtpd.
        int smtpPort = options.smtpPort().isPresent() ? options.smtpPort().getAsInt() : UnusedPorts.pick(LOOPBACK);
        Map<String, Integer> sinkPorts = new LinkedHashMap<>();
        sinks.forEach((name, sink) -> sinkPorts.put(name, sink.port()));
        List<Setting> settings = MainCfSettings.of(layout, compiled, mainCf, routing, sinkPorts);
        List<ServiceChange> services = MasterCfChanges.of(smtpPort);
        SandboxTables.Rewritten rewritten = SandboxTables.rewrite(tables, routing, sinkPorts);
        configuration.apply(settings, services, rewritten);
        InstanceControl control = new InstanceControl(host, layout);

        List<String> created = createMissing(accounts, teardown);
        control.check();
        teardown.beforeChange("start Postfix", () -> {
            control.start();
            return null;
        }, ignored -> control.stop());
        SmtpGreeting.await(LOOPBACK, smtpPort, SMTP_ANSWER_TIMEOUT);

        List<InstanceOverride> overrides = new ArrayList<>(settings);
        overrides.addAll(services);
        overrides.addAll(rewritten.changes());
        return new RunningPostfix(layout, smtpPort, sinks, overrides, created, teardown, control);
    }

    /** The users of provisioning.json, each once: the description's users and the local names aliases reach. */
    private static List<String> accountsOf(Provisioning provisioning) {
        Set<String> names = new LinkedHashSet<>();
        provisioning.users().forEach(user -> names.add(user.name()));
        return List.copyOf(names);
    }

    /**
     * Adds the accounts this host lacks, or shares those another instance added ({@link SharedAccounts}), each given
     * back by the teardown; returns those, which are mailform's and not the host's.
     */
    private static List<String> createMissing(List<String> accounts, Teardown teardown) throws StartupException {
        List<String> created = new ArrayList<>();
        for (String account : accounts) {
            boolean added = teardown.afterChange("add the system account " + account,
                () -> SharedAccounts.take(account), taken -> {
                    if (Boolean.TRUE.equals(taken)) {
                        SharedAccounts.release(account);
                    }
                });
            if (added) {
                created.add(account);
            }
        }
        return created;
    }

    /** A sink per name, and the certificate authority that signed their certificate where main.cf will name it. */
    private static Map<String, CaptureSink> startSinks(List<String> names, InstanceLayout layout, Teardown teardown)
            throws StartupException, IOException {
        Map<String, CaptureSink> sinks = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return sinks;
        }
        SandboxTls tls = SandboxTls.create();
        Files.writeString(layout.sandboxCertificateAuthority(), tls.certificateAuthorityPem(),
            StandardCharsets.US_ASCII);
        for (String name : names) {
            sinks.put(name, teardown.afterChange("start the capture sink " + name,
                () -> CaptureSink.start(name, tls), CaptureSink::close));
        }
        return sinks;
    }

    /** A port asked for must be free now; Postfix's master would fail to bind it without saying why. */
    private static int available(int port) throws StartupException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return port;
        } catch (IOException e) {
            throw new StartupException(LOOPBACK + ":" + port + " cannot be the SMTP port: " + e.getMessage());
        }
    }
}
