package io.mailform.emit.postfix;

import io.mailform.diag.Code;
import io.mailform.model.AliasTarget;
import io.mailform.model.UnsafeTarget;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last check before anything is written: every value that goes into main.cf, the aliases file or a lookup
 * table is checked again for what would change the meaning of that file (a line break starts a new parameter, a
 * colon ends an alias name, {@code |} turns an address into a command). The schema and the rules refuse these
 * first; the guard holds for any model, however it was built, and reports instead of writing.
 */
final class ValueGuard {
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final String NAME_HELP = "use letters, digits, '.', '-' and '_' in alias names";

    private final Findings findings;

    ValueGuard(Findings findings) {
        this.findings = findings;
    }

    /** main.cf: parameter names, single-line values, and no parameter written twice. */
    boolean mainCf(List<MainCfEntry> entries) {
        boolean safe = true;
        Map<String, MainCfEntry> seen = new HashMap<>();
        for (MainCfEntry entry : entries) {
            if (!PARAMETER_NAME.matcher(entry.name()).matches()) {
                safe = unsafeKey(entry.pointer(), "\"" + printable(entry.name()) + "\" is not a main.cf parameter name",
                        "use a Postfix parameter name: letters, digits and '_'");
                continue;
            }
            MainCfEntry earlier = seen.putIfAbsent(entry.name(), entry);
            if (earlier != null) {
                findings.atKey(Code.POSTFIX_PARAMETER_OWNED, entry.pointer(),
                        entry.name() + " is already written by mailform from " + describe(earlier.pointer())
                                + "; main.cf would set it twice and Postfix would keep the last one",
                        "remove " + entry.name() + " from postfix: and set it through " + describe(earlier.pointer()));
                safe = false;
                continue;
            }
            String what = "the value of " + entry.name();
            Optional<String> control = controlCharacter(entry.value(), true);
            if (control.isPresent()) {
                safe = unsafeValue(entry.pointer(), what + " contains " + control.get()
                        + ", which would end the main.cf line", "write the value on one line without control characters");
            } else if (startsWithWhitespace(entry.value())) {
                safe = unsafeValue(entry.pointer(), what + " starts with whitespace, which Postfix drops",
                        "remove the leading whitespace");
            } else if (entry.value().startsWith("#")) {
                safe = unsafeValue(entry.pointer(), what + " starts with '#', which reads as a comment",
                        "remove the '#' at the start of the value");
            }
        }
        return safe;
    }

    /** The aliases file: names that stay names, targets that stay what they are, no name twice. */
    boolean aliases(List<AliasLine> lines, Set<UnsafeTarget> allowed) {
        boolean safe = true;
        Map<String, AliasLine> seen = new HashMap<>();
        for (AliasLine line : lines) {
            safe &= aliasName(line);
            AliasLine earlier = seen.putIfAbsent(line.name().toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                findings.atKey(Code.ALIAS_DUPLICATE, line.namePointer(), "the aliases file would define \""
                        + printable(line.name()) + "\" twice (also from " + describe(earlier.namePointer())
                        + "); Postfix folds case and keeps only the first",
                        "keep one of them");
                safe = false;
            }
            for (int i = 0; i < line.targets().size(); i++) {
                safe &= aliasTarget(line, i, allowed);
            }
        }
        return safe;
    }

    /** A SASL login: the username ends at the first ':', and the password must survive postmap unchanged. */
    boolean credentials(Credentials login) {
        boolean safe = true;
        String username = login.username();
        Optional<String> control = controlCharacter(username, false);
        if (username.isEmpty()) {
            safe = unsafeValue(login.usernamePointer(), "the relay username is empty", "give the SASL username");
        } else if (control.isPresent()) {
            safe = unsafeValue(login.usernamePointer(), "the relay username contains " + control.get(),
                    "remove it");
        } else if (username.chars().anyMatch(Character::isWhitespace)) {
            safe = unsafeValue(login.usernamePointer(), "the relay username contains whitespace, which would "
                    + "split the sasl_passwd line", "remove the whitespace");
        } else if (username.indexOf(':') >= 0) {
            safe = unsafeValue(login.usernamePointer(), "the relay username contains ':', which sasl_passwd uses "
                    + "to separate username and password", "use a username without ':'");
        }
        String password = login.password();
        Optional<String> passwordControl = controlCharacter(password, false);
        if (passwordControl.isPresent()) {
            safe = unsafeValue(login.passwordPointer(), "the relay password contains " + passwordControl.get()
                    + ", which a sasl_passwd line cannot hold", "use a password without control characters");
        } else if (!password.equals(password.strip())) {
            safe = unsafeValue(login.passwordPointer(), "the relay password starts or ends with whitespace, "
                    + "which postmap strips", "remove the whitespace, or change the password");
        }
        return safe;
    }

    /**
     * A lookup table's entries, with exact repeats dropped; a key listed twice with different values is refused,
     * since postmap keeps the first silently. Values are never quoted in messages: one table holds passwords.
     */
    List<MapEntry> table(Table table, List<MapEntry> entries) {
        List<MapEntry> distinct = new ArrayList<>();
        Map<String, MapEntry> seen = new HashMap<>();
        for (MapEntry entry : entries) {
            String name = table.fileName();
            Optional<String> keyControl = controlCharacter(entry.key(), false);
            if (entry.key().isEmpty() || keyControl.isPresent() || entry.key().chars().anyMatch(Character::isWhitespace)
                    || entry.key().startsWith("#")) {
                unsafeValue(entry.pointer(), "the " + name + " key \"" + printable(entry.key())
                        + "\" is empty, starts with '#' or contains whitespace or control characters",
                        "use a host name, domain or address as the key");
                continue;
            }
            Optional<String> valueControl = controlCharacter(entry.value(), true);
            if (entry.value().isEmpty() || valueControl.isPresent() || !entry.value().equals(entry.value().strip())) {
                unsafeValue(entry.pointer(), "the " + name + " value for " + entry.key()
                        + " is empty, contains control characters, or starts or ends with whitespace",
                        "write the value on one line without surrounding whitespace");
                continue;
            }
            MapEntry earlier = seen.putIfAbsent(entry.key().toLowerCase(Locale.ROOT), entry);
            if (earlier == null) {
                distinct.add(entry);
            } else if (!earlier.value().equals(entry.value())) {
                unsafeValue(entry.pointer(), "the " + name + " table would list " + entry.key()
                        + " twice with different values (also from " + describe(earlier.pointer())
                        + "); postmap keeps only the first", "give both the same settings, or use different next hops");
            }
        }
        return distinct;
    }

    private boolean aliasName(AliasLine line) {
        Optional<String> problem = aliasNameProblem(line.name());
        problem.ifPresent(text -> unsafeKey(line.namePointer(), text, NAME_HELP));
        return problem.isEmpty();
    }

    private static Optional<String> aliasNameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("an alias name is empty");
        }
        String quoted = "alias name \"" + printable(name) + "\"";
        Optional<String> control = controlCharacter(name, false);
        if (control.isPresent()) {
            return Optional.of(quoted + " contains " + control.get());
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of(quoted + " contains whitespace, which ends the name");
        }
        for (char separator : new char[] {':', ',', '"'}) {
            if (name.indexOf(separator) >= 0) {
                return Optional.of(quoted + " contains '" + separator + "', which the aliases file reads as syntax");
            }
        }
        if (name.startsWith("#")) {
            return Optional.of(quoted + " starts with '#', which makes the line a comment");
        }
        return Optional.empty();
    }

    private boolean aliasTarget(AliasLine line, int index, Set<UnsafeTarget> allowed) {
        AliasTarget target = line.targets().get(index);
        Optional<Problem> problem = aliasTargetProblem(target, allowed);
        problem.ifPresent(found -> unsafeValue(line.targetPointer(index),
                "alias target \"" + printable(target.text()) + "\" " + found.text(), found.help()));
        return problem.isEmpty();
    }

    /** What is wrong with a value, completing a message that names the value, and how to fix it. */
    private record Problem(String text, String help) {
    }

    private static Optional<Problem> aliasTargetProblem(AliasTarget target, Set<UnsafeTarget> allowed) {
        String text = target.text();
        Optional<UnsafeTarget> kind = kind(target);
        if (kind.isPresent() && !allowed.contains(kind.get())) {
            return Optional.of(new Problem(effect(kind.get()) + ", which is not allowed",
                    "if that is intended, add " + kind.get().key() + " to allow_alias_targets"));
        }
        Optional<String> control = controlCharacter(text, false);
        if (control.isPresent()) {
            return Optional.of(new Problem("contains " + control.get(), "remove it"));
        }
        if (target instanceof AliasTarget.Command command) {
            if (command.command().isBlank() || command.command().contains("\"") || command.command().contains("\\")) {
                return Optional.of(new Problem("is empty or contains '\"' or '\\', which the quoted command in the "
                        + "aliases file cannot hold", "put the command in a script and name the script"));
            }
            return Optional.empty();
        }
        if (text.chars().anyMatch(Character::isWhitespace) || text.indexOf(',') >= 0 || text.indexOf('"') >= 0) {
            return Optional.of(new Problem("contains whitespace, ',' or '\"', which would split it into other "
                    + "targets", "write one target per list item, without spaces"));
        }
        if (target instanceof AliasTarget.File || target instanceof AliasTarget.Include) {
            String path = target instanceof AliasTarget.File file ? file.path() : ((AliasTarget.Include) target).path();
            return path.startsWith("/") ? Optional.empty()
                    : Optional.of(new Problem("is not an absolute path", "give the full path"));
        }
        if (text.isEmpty() || text.startsWith("|") || text.startsWith("/") || text.startsWith(":include:")) {
            return Optional.of(new Problem("is empty or would be read as a command, file or include",
                    "give a user name or an address"));
        }
        return Optional.empty();
    }

    private static Optional<UnsafeTarget> kind(AliasTarget target) {
        if (target instanceof AliasTarget.Command) {
            return Optional.of(UnsafeTarget.COMMAND);
        }
        if (target instanceof AliasTarget.File) {
            return Optional.of(UnsafeTarget.FILE);
        }
        if (target instanceof AliasTarget.Include) {
            return Optional.of(UnsafeTarget.INCLUDE);
        }
        return Optional.empty();
    }

    private static String effect(UnsafeTarget kind) {
        return switch (kind) {
            case COMMAND -> "runs a command as the mail system";
            case FILE -> "appends mail to a file as the mail system";
            case INCLUDE -> "reads more targets from a file";
        };
    }

    /** The first character that has no place in a one-line value, described for a message. */
    static Optional<String> controlCharacter(String text, boolean allowTab) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' && allowTab) {
                continue;
            }
            if (c == '\n') {
                return Optional.of("a line break (LF)");
            }
            if (c == '\r') {
                return Optional.of("a carriage return (CR)");
            }
            if (c == 0) {
                return Optional.of("a NUL character");
            }
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("the control character U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    private static boolean startsWithWhitespace(String value) {
        return !value.isEmpty() && Character.isWhitespace(value.charAt(0));
    }

    /** A name as it can be quoted in a message: control characters shown as escapes. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    /** A YAML path for a message: {@code /relay/auth} as {@code relay.auth}; Debian's baseline has none. */
    private static String describe(String pointer) {
        return pointer.isEmpty() ? "Debian's baseline" : String.join(".", Pointers.segments(pointer));
    }

    private boolean unsafeValue(String pointer, String message, String help) {
        findings.atValue(Code.VALUE_UNSAFE, pointer, message, help);
        return false;
    }

    private boolean unsafeKey(String pointer, String message, String help) {
        findings.atKey(Code.VALUE_UNSAFE, pointer, message, help);
        return false;
    }
}
