package io.mailform.emit.james;

import java.util.List;

/** One recipient rewrite table entry of provisioning.json: mail for {@code source} goes to every target. */
record ProvisionedAlias(String source, List<String> targets) {
    ProvisionedAlias {
        targets = List.copyOf(targets);
    }
}
