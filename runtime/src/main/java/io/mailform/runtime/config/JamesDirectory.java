package io.mailform.runtime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The compiled James configuration: {@code DIR/james/conf/*.xml} and {@code DIR/james/provisioning.json}. Opening it
 * checks that every file of the contract (runtime/CONFIG.md) is there.
 */
public record JamesDirectory(Path systemDirectory, Path conf, Path provisioning) {
    /** The files the runtime reads; James would start without some of them, silently with other defaults. */
    public static final List<String> REQUIRED_CONF_FILES = List.of(
        "dnsservice.xml",
        "domainlist.xml",
        "healthcheck.properties",
        "imapserver.xml",
        "listeners.xml",
        "mailetcontainer.xml",
        "mailrepositorystore.xml",
        "recipientrewritetable.xml",
        "smtpserver.xml",
        "usersrepository.xml");

    public static final String PROVISIONING_FILE = "provisioning.json";

    public static JamesDirectory open(Path systemDirectory) throws StartupException {
        Path james = systemDirectory.resolve("james");
        if (!Files.isDirectory(james)) {
            String hint = Files.isDirectory(systemDirectory.resolve("conf"))
                ? "; " + systemDirectory + " looks like the james directory itself: give its parent"
                : "; give the directory that `mailform compile -o DIR` wrote";
            throw new StartupException(james + " does not exist" + hint);
        }
        Path conf = james.resolve("conf");
        List<String> missing = REQUIRED_CONF_FILES.stream()
            .filter(name -> !Files.isRegularFile(conf.resolve(name)))
            .toList();
        if (!missing.isEmpty()) {
            throw new StartupException(conf + " lacks " + String.join(", ", missing)
                + "; compile the configuration again (runtime/CONFIG.md lists the files)");
        }
        Path provisioning = james.resolve(PROVISIONING_FILE);
        if (!Files.isRegularFile(provisioning)) {
            throw new StartupException(provisioning + " does not exist; compile the configuration again");
        }
        return new JamesDirectory(systemDirectory, conf, provisioning);
    }
}
