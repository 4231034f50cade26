package io.mailform.runtime.postfix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.mailform.runtime.config.StartupException;

/**
 * The parameters the compiled main.cf sets, as {@code postconf -n} reads them (so continuation lines and spacing are
 * Postfix's business), with Postfix's defaults for the few the sandbox needs to know when they are not set.
 */
record CompiledMainCf(Map<String, String> explicit) {
    /** Postfix 3.7's defaults, for what the sandbox reads; {@code postconf -d} prints them. */
    private static final Map<String, String> DEFAULTS = Map.of(
        "relayhost", "",
        "default_transport", "smtp",
        "inet_interfaces", "all",
        "inet_protocols", "all",
        "smtpd_tls_security_level", "",
        "smtpd_tls_cert_file", "",
        "smtpd_tls_key_file", "");
    /** postconf adds this for a configuration directory given with -c; the file does not set it. */
    private static final String CONFIG_DIRECTORY = "config_directory";

    CompiledMainCf {
        // In postconf's order (sorted by name), so that what is derived from it comes out the same every time.
        explicit = Collections.unmodifiableMap(new LinkedHashMap<>(explicit));
    }

    /** Reads the output of {@code postconf -c DIR -n}. */
    static CompiledMainCf parse(String postconfOutput) throws StartupException {
        Map<String, String> explicit = new LinkedHashMap<>();
        for (String line : postconfOutput.lines().toList()) {
            // "name = value", or "name =" when the value is empty.
            int equals = line.indexOf(" =");
            if (equals <= 0) {
                throw new StartupException("cannot read main.cf as postconf prints it: \"" + line + "\"");
            }
            String name = line.substring(0, equals);
            if (!name.equals(CONFIG_DIRECTORY)) {
                explicit.put(name, line.substring(equals + 2).strip());
            }
        }
        return new CompiledMainCf(explicit);
    }

    /** The value main.cf gives, or Postfix's default for the parameters listed above. */
    String value(String parameter) {
        String value = explicit.get(parameter);
        if (value != null) {
            return value;
        }
        return Optional.ofNullable(DEFAULTS.get(parameter)).orElseThrow(() -> new IllegalArgumentException(
            "no default known for " + parameter));
    }
}
