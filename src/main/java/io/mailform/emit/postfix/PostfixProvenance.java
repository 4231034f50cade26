package io.mailform.emit.postfix;

import io.mailform.postfix.CaseFold;
import io.mailform.emit.OutputFile;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.yaml.Pointers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which YAML node each piece of the Postfix output comes from: every main.cf parameter, alias and table entry, as
 * the emitter itself records it while producing the files (so there is one mapping, not a second table). Pointers
 * are JSON Pointers; {@code ""} marks a parameter of Debian's baseline, which the description changes under
 * {@code postfix}. Reading it needs no relay password.
 */
public final class PostfixProvenance {
    private final boolean mergesMainCf;
    private final Map<String, String> parameters;
    private final Map<String, String> aliases;
    private final List<TableOrigin> tables;

    /** A lookup table the description may write: where it is installed, and the node of each entry by key. */
    public record TableOrigin(String fileName, String installedPath, boolean secret, String pointer,
            Map<String, String> entries) {
        public TableOrigin {
            entries = Map.copyOf(entries);
        }

        /** The node of the entry for {@code key} (postmap folds keys to lower case), or the table's own. */
        public String entryPointer(String key) {
            return entries.getOrDefault(key.toLowerCase(Locale.ROOT), pointer);
        }
    }

    private PostfixProvenance(boolean mergesMainCf, Map<String, String> parameters, Map<String, String> aliases,
            List<TableOrigin> tables) {
        this.mergesMainCf = mergesMainCf;
        this.parameters = parameters;
        this.aliases = aliases;
        this.tables = tables;
    }

    public static PostfixProvenance of(MailSystem system) {
        Map<String, String> parameters = new LinkedHashMap<>();
        MainCf.entries(system).forEach(entry -> parameters.put(entry.name(), entry.pointer()));
        Map<String, String> aliases = new LinkedHashMap<>();
        AliasesFile.lines(system).forEach(line -> aliases.putIfAbsent(fold(line.name()), line.namePointer()));
        List<TableOrigin> tables = List.of(
                table(Table.TRANSPORT, Pointers.of("routes"), byKey(TransportMap.entries(system))),
                table(Table.SASL_PASSWD, firstAuth(system), logins(system)),
                table(Table.TLS_POLICY, Pointers.of("routes"), byKey(TlsPolicyMap.entries(system))));
        return new PostfixProvenance(system.mode() == Mode.NONE, Map.copyOf(parameters), Map.copyOf(aliases), tables);
    }

    /** True for mode none: main.cf is kept and only the parameters under {@code postfix} are set in it. */
    public boolean mergesMainCf() {
        return mergesMainCf;
    }

    /** The node that sets a main.cf parameter mailform writes; empty for one it does not write. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** The node of an alias (by name, case-folded as postalias folds it); empty for one it does not write. */
    public Optional<String> alias(String name) {
        return Optional.ofNullable(aliases.get(fold(name)));
    }

    public List<TableOrigin> tables() {
        return tables;
    }

    /** The node of the mail name, for /etc/mailname. */
    public String mailName() {
        return Pointers.of("mail_name");
    }

    /** The node of the aliases, for /etc/aliases as a whole. */
    public String aliasesFile() {
        return Pointers.of("aliases");
    }

    private static TableOrigin table(Table table, String pointer, Map<String, String> entries) {
        return new TableOrigin(table.fileName(), table.installedPath(),
                table.mode() == OutputFile.SECRET, pointer, entries);
    }

    private static Map<String, String> byKey(List<MapEntry> entries) {
        return entries.stream().collect(Collectors.toMap(entry -> fold(entry.key()), MapEntry::pointer,
                (first, second) -> first, LinkedHashMap::new));
    }

    /** The sasl_passwd entries by next hop, each at its {@code auth} node; the passwords are not read. */
    private static Map<String, String> logins(MailSystem system) {
        Map<String, String> logins = new LinkedHashMap<>();
        RelayAt.all(system).stream().filter(at -> at.relay().auth().isPresent())
                .forEach(at -> logins.putIfAbsent(fold(at.relay().postfixNextHop()), at.child("auth")));
        return logins;
    }

    private static String firstAuth(MailSystem system) {
        return RelayAt.all(system).stream().filter(at -> at.relay().auth().isPresent()).findFirst()
                .map(at -> at.child("auth")).orElse(Pointers.of("relay"));
    }

    private static String fold(String key) {
        return CaseFold.of(key);
    }
}
