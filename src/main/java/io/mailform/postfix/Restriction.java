package io.mailform.postfix;

import java.util.Optional;

/** One entry of an smtpd_*_restrictions list, with the table or service it names if it takes one. */
public record Restriction(String name, Optional<String> argument) {
    public String text() {
        return argument.map(value -> name + " " + value).orElse(name);
    }

    public RestrictionEffect effect() {
        return RestrictionEffect.of(name);
    }

    @Override
    public String toString() {
        return text();
    }
}
