package io.mailform.check;

import io.mailform.model.MailSystem;
import io.mailform.yaml.Findings;

/** One semantic check with its own diagnostic code(s); rules are independent and all run on every file. */
public interface Rule {
    void check(MailSystem system, Findings findings);

    /**
     * Every part of the model the rule reads, directly or through {@link ThisHost}: on a model bound from part of a
     * description the rule runs only if these are there as written, so that it never reports what a part left out
     * would have changed.
     */
    Reads reads();
}
