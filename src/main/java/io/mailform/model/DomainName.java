package io.mailform.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** A DNS name in lower case, without a trailing dot. */
public record DomainName(String value) implements Comparable<DomainName> {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public DomainName {
        value = value.toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a domain name: " + value);
        }
    }

    public static boolean isValid(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Fully qualified in Debian's sense: it contains a dot. */
    public boolean isFullyQualified() {
        return value.indexOf('.') > 0;
    }

    /** This name, or a name below it. */
    public boolean isWithin(DomainName other) {
        return value.equals(other.value) || value.endsWith("." + other.value);
    }

    // Written out, as a record would have them: the record's own are built by method handles on first use, which
    // costs more at start-up than the rules that compare names.
    @Override
    public boolean equals(Object other) {
        return other instanceof DomainName name && value.equals(name.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(DomainName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
