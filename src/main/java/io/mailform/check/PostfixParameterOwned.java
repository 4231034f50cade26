package io.mailform.check;

import io.mailform.diag.Code;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Part;
import io.mailform.model.PostfixParameter;
import io.mailform.postfix.MainCfParameter;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;

/** A parameter a YAML key already sets would be written twice, and Postfix silently takes the later one. */
final class PostfixParameterOwned implements Rule {
    @Override
    public Reads reads() {
        return Reads.whole(Part.MODE).andEach(Part.POSTFIX);
    }

    @Override
    public void check(MailSystem system, Findings findings) {
        // Mode none writes no template: the postfix map is all of main.cf that mailform sets.
        if (system.mode() == Mode.NONE) {
            return;
        }
        for (PostfixParameter parameter : system.postfixParameters()) {
            MainCfParameter.byName(parameter.name())
                    .filter(owned -> owned.ownership() == MainCfParameter.Ownership.KEY)
                    .flatMap(OwningKeys::of)
                    .ifPresent(key -> findings.atKey(Code.POSTFIX_PARAMETER_OWNED,
                            Pointers.of("postfix", parameter.name()),
                            parameter.name() + " is set by mailform from the key " + key
                                    + "; setting it here too would write it twice",
                            "remove it from postfix and use " + key + " instead"));
        }
    }
}
