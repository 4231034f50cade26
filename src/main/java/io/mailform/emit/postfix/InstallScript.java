package io.mailform.emit.postfix;

import io.mailform.emit.OutputFile;
import java.util.ArrayList;
import java.util.List;

/**
 * What install.sh does, as the view of its template: which files go where, whether main.cf replaces the installed
 * one or is merged into it (mode {@code none}), the chattr flag for {@code synchronous_updates}, and every path it
 * may change (each file and each .db it builds), which it saves first so that a failure puts them all back.
 */
record InstallScript(String source, List<Step> installed, List<Step> copied, List<Step> mailname, List<Step> tables,
        List<String> kept, boolean replaceMainCf, boolean mergeMainCf, String chattr) {

    /**
     * One file of the output directory and where it is installed; {@code mode} as chmod takes it; {@code shown}
     * is {@code secret} for a file whose content a dry run must not print.
     */
    record Step(String file, String destination, String mode, String shown) {
    }

    static final String MAILNAME_FILE = "mailname";
    static final String ALIASES_FILE = "aliases";
    static final String MAIN_CF_FILE = "main.cf";
    private static final String MAIN_CF_PATH = "/etc/postfix/main.cf";
    private static final String ALIASES_PATH = "/etc/aliases";

    /**
     * @param mainCf {@code true} if main.cf is written; {@code replace} says whether it replaces the installed
     *     one (a configuring mode) or is merged into it parameter by parameter (mode {@code none})
     */
    static InstallScript of(String source, boolean mailname, List<Table> tables, boolean mainCf, boolean replace,
            boolean synchronousUpdates) {
        List<Step> mailnameSteps = mailname
                ? List.of(step(MAILNAME_FILE, MainCf.MAILNAME_PATH, 0644))
                : List.of();
        List<Step> tableSteps = tables.stream()
                .map(table -> step(table.fileName(), table.installedPath(), table.mode()))
                .toList();
        List<Step> copied = new ArrayList<>(mailnameSteps);
        copied.addAll(tableSteps);
        copied.add(step(ALIASES_FILE, ALIASES_PATH, 0644));
        List<Step> installed = new ArrayList<>(copied);
        List<String> kept = new ArrayList<>();
        mailnameSteps.forEach(step -> kept.add(step.destination()));
        if (mainCf) {
            Step mainCfStep = step(MAIN_CF_FILE, MAIN_CF_PATH, 0644);
            if (replace) {
                copied.add(mainCfStep);
            }
            installed.add(replace ? mainCfStep : new Step(MAIN_CF_FILE, MAIN_CF_PATH + " (merged)", "0644", "public"));
            kept.add(MAIN_CF_PATH);
        }
        for (Step table : tableSteps) {
            kept.add(table.destination());
            kept.add(table.destination() + ".db");
        }
        kept.add(ALIASES_PATH);
        kept.add(ALIASES_PATH + ".db");
        return new InstallScript(source, installed, copied, mailnameSteps, tableSteps, kept, mainCf && replace,
                mainCf && !replace, synchronousUpdates ? "+S" : "-S");
    }

    private static Step step(String file, String destination, int mode) {
        return new Step(file, destination, String.format("%04o", mode),
                mode == OutputFile.SECRET ? "secret" : "public");
    }
}
