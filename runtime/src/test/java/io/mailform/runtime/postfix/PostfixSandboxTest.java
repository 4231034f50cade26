package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.mailform.runtime.config.StartupException;

/**
 * The sandbox of a private Postfix instance on examples/full.yaml (the smarthost [smtp.example.net]:587 with a
 * login at tls: encrypt, the route lists.example.org to [lists.internal.example.org] at may, partner.example.com to
 * [10.30.0.5]:2525 with a login): nothing changed in main.cf beyond the listed overrides, and every next hop in the
 * lookup tables turned into its capture sink. Where mail then goes, with which login and TLS, is for the cases.
 */
class PostfixSandboxTest {
    private static final String SMARTHOST = "smtp.example.net:587";
    private static final String LISTS = "lists.internal.example.org:25";
    private static final String PARTNER = "10.30.0.5:2525";

    @Test
    void onlyTheListedOverridesAreMade() throws StartupException {
        try (RunningPostfix postfix = PostfixRuntime.start(PostfixOptions.of(Path.of("../examples/full.yaml")))) {
            Set<String> parameters = postfix.overrides().stream().filter(Setting.class::isInstance)
                .map(override -> ((Setting) override).parameter()).collect(Collectors.toSet());
            assertEquals(Set.of("queue_directory", "data_directory", "mail_spool_directory", "maillog_file",
                "maillog_file_prefixes", "myorigin", "alias_maps", "alias_database", "transport_maps",
                "smtp_sasl_password_maps", "smtp_tls_policy_maps", "relayhost", "smtp_host_lookup",
                "smtp_tls_CAfile", "smtpd_authorized_xclient_hosts", "smtpd_tls_security_level"), parameters);
            List<String> tables = postfix.overrides().stream().filter(TableChange.class::isInstance)
                .map(InstanceOverride::change).toList();
            int lists = postfix.sink(LISTS).port();
            int partner = postfix.sink(PARTNER).port();
            int smarthost = postfix.sink(SMARTHOST).port();
            assertEquals(List.of(
                "lists.example.org smtp:[lists.internal.example.org] -> smtp:[localhost]:" + lists,
                "partner.example.com smtp:[10.30.0.5]:2525 -> smtp:[localhost]:" + partner,
                "key [smtp.example.net]:587 -> [localhost]:" + smarthost,
                "key [10.30.0.5]:2525 -> [localhost]:" + partner,
                "key [lists.internal.example.org] -> [localhost]:" + lists), tables);
            postfix.overrides().forEach(override -> assertTrue(!override.reason().isBlank(), override::describe));
        }
    }
}
