package io.mailform.model;

/**
 * Where an alias delivers. Local names and addresses are ordinary; commands, files and includes run code or write
 * files as the mail system and are refused unless the description opts in ({@code allow_alias_targets}).
 */
public sealed interface AliasTarget {
    /** The text as it goes into the aliases file. */
    String text();

    /** A local user or another alias, e.g. {@code alice}. */
    record Local(String name) implements AliasTarget {
        @Override
        public String text() {
            return name;
        }
    }

    /** A mail address with a domain, e.g. {@code alice@example.com}. */
    record Address(String localPart, DomainName domain) implements AliasTarget {
        @Override
        public String text() {
            return localPart + "@" + domain.value();
        }
    }

    /** {@code |command}: the message is piped to a command. */
    record Command(String command) implements AliasTarget {
        @Override
        public String text() {
            return "\"|" + command + "\"";
        }
    }

    /** {@code /path}: the message is appended to a file. */
    record File(String path) implements AliasTarget {
        @Override
        public String text() {
            return path;
        }
    }

    /** {@code :include:/path}: more targets are read from a file. */
    record Include(String path) implements AliasTarget {
        @Override
        public String text() {
            return ":include:" + path;
        }
    }
}
