package io.mailform.check;

import io.mailform.model.MailSystem;

/** One semantic check with its own diagnostic code(s); rules are independent and all run on every file. */
public interface Rule {
    void check(MailSystem system, Findings findings);
}
