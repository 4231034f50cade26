package io.mailform.adopt;

import io.mailform.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the aliases file to {@code root_recipient}, {@code aliases} and, where the host already runs commands or
 * writes files from its aliases, {@code allow_alias_targets}. Debian's {@code postmaster: root} is left out, since
 * mailform writes it unless told otherwise. postalias keeps the first of two entries with the same name, and so
 * does import.
 */
final class AliasMapper {
    private static final String ROOT = "root";
    private static final String POSTMASTER = "postmaster";

    private final SourceFile source;
    private final List<AliasEntry> entries;

    AliasMapper(SourceFile source, List<AliasEntry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    List<Member> members() {
        List<Member> members = new ArrayList<>();
        List<Member> aliases = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (AliasEntry entry : entries) {
            if (!seen.add(entry.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Origin origin = new Origin(source.name(), entry.span(), null);
            entry.targets().forEach(target -> kind(target).ifPresent(kinds::add));
            YamlValue targets = entry.targets().size() == 1 ? YamlValue.Scalar.of(entry.targets().get(0))
                    : YamlValue.FlowList.of(entry.targets());
            if (entry.name().equals(ROOT)) {
                members.add(Member.of("root_recipient", targets, origin, "The root: line of " + source.name() + "."));
            } else if (!(entry.name().equals(POSTMASTER) && entry.targets().equals(List.of(ROOT)))) {
                aliases.add(Member.of(entry.name(), targets, origin));
            }
        }
        if (!kinds.isEmpty()) {
            members.add(Member.of("allow_alias_targets", YamlValue.FlowList.of(List.copyOf(kinds)), null,
                    "The aliases file already runs commands or writes files; mailform refuses that without this."));
        }
        if (!aliases.isEmpty()) {
            members.add(Member.of("aliases", new YamlValue.Block(aliases), null, "From " + source.name() + "."));
        }
        return members;
    }

    private static Optional<String> kind(String target) {
        if (target.startsWith("|")) {
            return Optional.of("command");
        }
        if (target.startsWith(":include:")) {
            return Optional.of("include");
        }
        if (target.startsWith("/")) {
            return Optional.of("file");
        }
        return Optional.empty();
    }
}
