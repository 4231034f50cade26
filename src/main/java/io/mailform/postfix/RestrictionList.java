package io.mailform.postfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An smtpd_*_restrictions value as smtpd reads it: restrictions separated by spaces or commas, those that name a
 * table or service followed by it. An unconditional {@code permit} ends the list; Postfix ignores what follows.
 */
public record RestrictionList(List<Restriction> restrictions) {
    /** What Debian's installer writes for smtpd_relay_restrictions. */
    public static final String DEBIAN_RELAY_RESTRICTIONS =
            "permit_mynetworks permit_sasl_authenticated defer_unauth_destination";

    public RestrictionList {
        restrictions = List.copyOf(restrictions);
    }

    public static RestrictionList parse(String value) {
        List<Restriction> restrictions = new ArrayList<>();
        List<String> words = List.of(value.strip().split("[\\s,]+"));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.isEmpty()) {
                continue;
            }
            Optional<String> argument = Optional.empty();
            if (takesArgument(word) && i + 1 < words.size()) {
                argument = Optional.of(words.get(++i));
            }
            restrictions.add(new Restriction(word, argument));
        }
        return new RestrictionList(restrictions);
    }

    public static RestrictionList empty() {
        return new RestrictionList(List.of());
    }

    /** The restrictions smtpd evaluates: up to and including the first unconditional permit. */
    public List<Restriction> effective() {
        for (int i = 0; i < restrictions.size(); i++) {
            if (restrictions.get(i).effect() == RestrictionEffect.PERMIT) {
                return restrictions.subList(0, i + 1);
            }
        }
        return restrictions;
    }

    /** The restrictions after an unconditional permit, which smtpd ignores with a warning. */
    public List<Restriction> ignored() {
        return restrictions.subList(effective().size(), restrictions.size());
    }

    /** Restrictions that name a lookup table, a policy service or a DNS list take it as their next word. */
    private static boolean takesArgument(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return (lower.startsWith("check_") && !lower.equals("check_relay_domains"))
                || lower.startsWith("reject_rbl") || lower.startsWith("reject_rhsbl")
                || lower.equals("permit_dnswl_client") || lower.equals("permit_rhswl_client");
    }
}
