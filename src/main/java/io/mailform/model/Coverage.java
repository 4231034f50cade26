package io.mailform.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * How much of the description a model holds as written. A description that passed the schema is bound whole; one
 * that did not can be bound from what is left once the failed parts are left out, and then each part is either
 * intact, thinned (some entries of a collection left out, the others as written), or left out (its value in the
 * model is a default, a stand-in or empty, and says nothing about what was written).
 */
public record Coverage(Set<Part> leftOut, Set<Part> thinned) {
    public static final Coverage COMPLETE = new Coverage(Set.of(), Set.of());

    public Coverage {
        // A part left out wholly is not also thinned.
        EnumSet<Part> onlyThinned = EnumSet.noneOf(Part.class);
        onlyThinned.addAll(thinned);
        onlyThinned.removeAll(leftOut);
        leftOut = Set.copyOf(leftOut);
        thinned = Set.copyOf(onlyThinned);
    }

    /** The part holds every entry and value as written. */
    public boolean isIntact(Part part) {
        return !leftOut.contains(part) && !thinned.contains(part);
    }

    /** The part holds nothing of what was written. */
    public boolean isLeftOut(Part part) {
        return leftOut.contains(part);
    }

    public boolean isComplete() {
        return leftOut.isEmpty() && thinned.isEmpty();
    }
}
