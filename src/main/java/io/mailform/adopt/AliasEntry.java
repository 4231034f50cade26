package io.mailform.adopt;

import io.mailform.source.Span;
import java.util.List;

/** One {@code name: target, target} entry of an aliases file. */
record AliasEntry(String name, List<String> targets, int line, Span span) {
    AliasEntry {
        targets = List.copyOf(targets);
    }
}
