package io.mailform.runtime.postfix;

import java.util.List;

/**
 * A change to Debian's master.cf, which the instance runs beside the compiled main.cf.
 *
 * @param change what it does, in master.cf's terms
 * @param postconf the arguments that make it with {@code postconf -c DIR}
 */
public record ServiceChange(String change, List<String> postconf, String reason) implements InstanceOverride {
    public ServiceChange {
        postconf = List.copyOf(postconf);
    }

    @Override
    public String file() {
        return "master.cf";
    }
}
