package io.mailform.runtime.server;

import java.time.Duration;

import io.mailform.runtime.config.Provisioning;

/**
 * What provisioning.json put into the started James: accounts, alias mappings (one per source and target) and the time
 * it took, from the first account to the last mapping.
 */
public record Provisioned(int accounts, int aliasMappings, Duration time) {
    static Provisioned of(Provisioning provisioning, Duration time) {
        int mappings = provisioning.aliases().stream().mapToInt(alias -> alias.targets().size()).sum();
        return new Provisioned(provisioning.users().size(), mappings, time);
    }

    /** One line for the log: {@code 22 accounts and 12 alias mappings provisioned in 41 ms}. */
    public String describe() {
        return accounts + " accounts and " + aliasMappings + " alias mappings provisioned in " + time.toMillis() + " ms";
    }
}
