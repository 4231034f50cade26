package io.mailform.adopt;

import java.util.ArrayList;
import java.util.List;

/** The description import writes: a header comment and the top-level keys in order. */
record Description(List<String> header, List<Member> members) {
    static final String POSTFIX = "postfix";

    Description {
        header = List.copyOf(header);
        members = List.copyOf(members);
    }

    /** The description without the member at {@code path} (top-level key, then nested keys). */
    Description without(List<String> path) {
        return new Description(header, removed(members, path));
    }

    private static List<Member> removed(List<Member> members, List<String> path) {
        List<Member> kept = new ArrayList<>();
        for (Member member : members) {
            if (!member.key().equals(path.get(0))) {
                kept.add(member);
            } else if (path.size() > 1 && member.value() instanceof YamlValue.Block block) {
                List<Member> inner = removed(block.members(), path.subList(1, path.size()));
                if (!inner.isEmpty()) {
                    kept.add(new Member(member.key(), new YamlValue.Block(inner), member.comment(), member.origin()));
                }
            }
        }
        return kept;
    }

    /** The description with one more parameter under {@code postfix}, which is created last if missing. */
    Description withPostfixParameter(Member parameter, String sectionComment) {
        List<Member> result = new ArrayList<>();
        boolean found = false;
        for (Member member : members) {
            if (member.key().equals(POSTFIX) && member.value() instanceof YamlValue.Block block) {
                List<Member> inner = new ArrayList<>(block.members());
                inner.add(parameter);
                result.add(new Member(POSTFIX, new YamlValue.Block(inner), member.comment(), member.origin()));
                found = true;
            } else {
                result.add(member);
            }
        }
        if (!found) {
            result.add(new Member(POSTFIX, new YamlValue.Block(List.of(parameter)), List.of(sectionComment),
                    java.util.Optional.empty()));
        }
        return new Description(header, result);
    }

    boolean hasPostfixParameter(String name) {
        return members.stream().filter(member -> member.key().equals(POSTFIX))
                .map(Member::value).filter(YamlValue.Block.class::isInstance).map(YamlValue.Block.class::cast)
                .anyMatch(block -> block.members().stream().anyMatch(member -> member.key().equals(name)));
    }

    /** The password files the description names, which compile reads. */
    List<String> passwordFiles() {
        List<String> files = new ArrayList<>();
        collect(members, files);
        return files;
    }

    private static void collect(List<Member> members, List<String> files) {
        for (Member member : members) {
            if (member.key().equals("password_file") && member.value() instanceof YamlValue.Scalar scalar) {
                files.add(scalar.text());
            } else if (member.value() instanceof YamlValue.Block block) {
                collect(block.members(), files);
            }
        }
    }
}
