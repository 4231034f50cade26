package io.mailform.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A byte count; {@code 0} means no limit where Postfix says so. Written as bytes or with a binary-free unit. */
public record Size(long bytes) implements Comparable<Size> {
    /** Postfix keeps sizes in a signed long, and its parser refuses anything above this. */
    public static final long MAX = Long.MAX_VALUE;
    static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?", Pattern.CASE_INSENSITIVE);

    public Size {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size " + bytes);
        }
    }

    public static final Size UNLIMITED = new Size(0);

    /** Parses {@code 50MB} (decimal units) or {@code 50MiB} (binary units); empty if the text or value is out of range. */
    public static Optional<Size> parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String unit = matcher.group(2) == null ? "B" : matcher.group(2).toUpperCase(Locale.ROOT);
        long multiplier = switch (unit) {
            case "B" -> 1L;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            case "KIB" -> 1L << 10;
            case "MIB" -> 1L << 20;
            case "GIB" -> 1L << 30;
            case "TIB" -> 1L << 40;
            default -> throw new IllegalStateException(unit);
        };
        try {
            return Optional.of(new Size(Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier)));
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    public boolean isUnlimited() {
        return bytes == 0;
    }

    @Override
    public int compareTo(Size other) {
        return Long.compare(bytes, other.bytes);
    }
}
