package io.mailform.check;

import io.mailform.model.Coverage;
import io.mailform.model.Part;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of the model a rule reads, for checking a model bound from part of a description. A part read
 * {@code whole} must be intact: the rule draws conclusions from all of it (a loop through the aliases, a name no
 * user has). A part read {@code each} may be thinned: the rule judges every entry on its own, so an entry left out
 * loses only its own diagnostics. A part left out wholly stops the rule either way.
 */
public record Reads(Set<Part> whole, Set<Part> each) {
    public Reads {
        whole = Set.copyOf(whole);
        each = Set.copyOf(each);
    }

    public static Reads whole(Part... parts) {
        return new Reads(Set.of(parts), Set.of());
    }

    public static Reads each(Part... parts) {
        return new Reads(Set.of(), Set.of(parts));
    }

    /** These parts too, entry by entry. */
    public Reads andEach(Part... parts) {
        EnumSet<Part> more = EnumSet.noneOf(Part.class);
        more.addAll(each);
        more.addAll(List.of(parts));
        return new Reads(whole, more);
    }

    /** These parts too, whole. */
    public Reads and(Reads other) {
        EnumSet<Part> allWhole = EnumSet.noneOf(Part.class);
        allWhole.addAll(whole);
        allWhole.addAll(other.whole);
        EnumSet<Part> allEach = EnumSet.noneOf(Part.class);
        allEach.addAll(each);
        allEach.addAll(other.each);
        return new Reads(allWhole, allEach);
    }

    /** True if a model of this coverage holds everything the rule reads. */
    public boolean coveredBy(Coverage coverage) {
        return whole.stream().allMatch(coverage::isIntact) && each.stream().noneMatch(coverage::isLeftOut);
    }
}
