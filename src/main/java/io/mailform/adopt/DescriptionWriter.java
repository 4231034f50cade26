package io.mailform.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a {@link Description} as YAML text, deterministically, and remembers which lines each member occupies so
 * that a diagnostic about a line of the YAML can be traced back to the main.cf line the value came from.
 */
final class DescriptionWriter {
    /**
     * The editor's modeline. It names the schema beside the description rather than in this installation, so that
     * the same host gives the same bytes wherever mailform runs; the header says how to put the schema there.
     */
    static final String MODELINE = "# yaml-language-server: $schema=mailsystem.schema.json";
    private static final int WIDTH = 116;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./+][A-Za-z0-9_./+@-]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+.0-9][-+.0-9_eE]*|0[xXoObB].*|\\.inf|\\.nan");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n",
            "~");

    /** A member of the written text: its key path, its first and last line (1-based), and its origin. */
    record Placed(List<String> path, int firstLine, int lastLine, Optional<Origin> origin) {
    }

    record Rendered(String text, List<Placed> placed) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Placed> placed = new ArrayList<>();
    private int lines;

    private DescriptionWriter() {
    }

    static Rendered render(Description description) {
        DescriptionWriter writer = new DescriptionWriter();
        writer.line(MODELINE);
        for (String comment : description.header()) {
            writer.comment("", comment);
        }
        writer.members(description.members(), List.of(), "");
        return new Rendered(writer.text.toString(), List.copyOf(writer.placed));
    }

    private void members(List<Member> members, List<String> parent, String indent) {
        for (Member member : members) {
            if (indent.isEmpty() && !member.comment().isEmpty()) {
                line("");
            }
            for (String comment : member.comment()) {
                comment(indent, comment);
            }
            List<String> path = new ArrayList<>(parent);
            path.add(member.key());
            int first = lines + 1;
            String key = indent + scalar(member.key()) + ":";
            if (member.value() instanceof YamlValue.Scalar scalar) {
                line(key + " " + scalar(scalar));
            } else if (member.value() instanceof YamlValue.FlowList list) {
                line(key + " [" + String.join(", ", list.items().stream().map(DescriptionWriter::scalar).toList())
                        + "]");
            } else if (member.value() instanceof YamlValue.Block block) {
                line(key);
                members(block.members(), path, indent + "  ");
            }
            placed.add(new Placed(List.copyOf(path), first, lines, member.origin()));
        }
    }

    /** A comment, wrapped at spaces to keep lines within {@link #WIDTH} characters where words allow. */
    private void comment(String indent, String comment) {
        String prefix = indent + "# ";
        StringBuilder current = new StringBuilder();
        for (String word : comment.split(" ")) {
            if (current.length() > 0 && prefix.length() + current.length() + 1 + word.length() > WIDTH) {
                line(prefix + current);
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(word);
        }
        line(current.length() == 0 ? indent + "#" : prefix + current);
    }

    private void line(String line) {
        text.append(line).append('\n');
        lines++;
    }

    private static String scalar(YamlValue.Scalar scalar) {
        return scalar.string() ? scalar(scalar.text()) : scalar.text();
    }

    /** Plain where YAML reads the text back as the same string, single-quoted otherwise. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !NUMBER_LIKE.matcher(text).matches()
                && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
