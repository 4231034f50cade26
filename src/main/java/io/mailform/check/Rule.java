package io.mailform.check;

import io.mailform.model.MailSystem;
import io.mailform.yaml.Findings;

/** One semantic check with its own diagnostic code(s); rules are independent and all run on every file. */
public interface Rule {
    void check(MailSystem system, Findings findings);
}
