package io.mailform.adopt;

import java.util.List;
import java.util.Optional;

/** One key of the description with its value, the comment written above it, and where its value was read. */
record Member(String key, YamlValue value, List<String> comment, Optional<Origin> origin) {
    Member {
        comment = List.copyOf(comment);
    }

    static Member of(String key, YamlValue value, Origin origin, String... comment) {
        return new Member(key, value, List.of(comment), Optional.ofNullable(origin));
    }
}
