package io.mailform.emit.postfix;

import java.util.ArrayList;
import java.util.List;

/**
 * What install.sh does, as the view of its template: which files go where, whether main.cf replaces the installed
 * one or is merged into it (mode {@code none}), and the chattr flag for {@code synchronous_updates}.
 */
record InstallScript(String source, List<Step> installed, List<Step> mailname, List<Step> tables,
        boolean replaceMainCf, boolean mergeMainCf, String chattr) {

    /** One file of the output directory and where it is installed; {@code mode} as chmod takes it. */
    record Step(String file, String destination, String mode) {
    }

    static final String MAILNAME_FILE = "mailname";
    static final String ALIASES_FILE = "aliases";
    static final String MAIN_CF_FILE = "main.cf";

    /**
     * @param mainCf {@code true} if main.cf is written; {@code replace} says whether it replaces the installed
     *     one (a configuring mode) or is merged into it parameter by parameter (mode {@code none})
     */
    static InstallScript of(String source, boolean mailname, List<Table> tables, boolean mainCf, boolean replace,
            boolean synchronousUpdates) {
        List<Step> mailnameSteps = mailname
                ? List.of(new Step(MAILNAME_FILE, MainCf.MAILNAME_PATH, octal(0644)))
                : List.of();
        List<Step> tableSteps = tables.stream()
                .map(table -> new Step(table.fileName(), table.installedPath(), octal(table.mode())))
                .toList();
        List<Step> installed = new ArrayList<>(mailnameSteps);
        installed.addAll(tableSteps);
        installed.add(new Step(ALIASES_FILE, "/etc/aliases", octal(0644)));
        if (mainCf) {
            installed.add(new Step(MAIN_CF_FILE, replace ? "/etc/postfix/main.cf" : "/etc/postfix/main.cf (merged)",
                    octal(0644)));
        }
        return new InstallScript(source, installed, mailnameSteps, tableSteps, mainCf && replace, mainCf && !replace,
                synchronousUpdates ? "+S" : "-S");
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
