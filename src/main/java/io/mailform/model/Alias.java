package io.mailform.model;

import java.util.List;

/** One line of the aliases file: {@code name: target, target}. */
public record Alias(String name, List<AliasTarget> targets) {
    public Alias {
        targets = List.copyOf(targets);
    }
}
