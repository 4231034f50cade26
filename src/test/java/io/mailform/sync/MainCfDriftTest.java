package io.mailform.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.emit.postfix.PostfixProvenance;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** main.cf compared parameter by parameter, each difference charged to the key the compiler records for it. */
class MainCfDriftTest {
    private static final String SITE = """
            version: 1
            mode: internet-site
            hostname: mail.example.org
            mail_name: example.org
            networks: [127.0.0.0/8, 192.0.2.0/24]
            postfix:
              smtpd_helo_required: "yes"
            """;

    @Test
    void listsAreComparedAsPostfixReadsThem() {
        Map<String, String> described = Map.of("mynetworks", "127.0.0.0/8 192.0.2.0/24");
        Map<String, String> installed = Map.of("mynetworks", "127.0.0.0/8,\t192.0.2.0/24");
        assertEquals(List.of(), compare(SITE, described, installed));
    }

    @Test
    void eachParameterIsChargedToItsKey() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("mynetworks", "127.0.0.0/8 192.0.2.0/24");
        described.put("smtpd_helo_required", "yes");
        described.put("biff", "no");
        described.put("myhostname", "mail.example.org");
        Map<String, String> installed = new LinkedHashMap<>();
        installed.put("biff", "yes");
        installed.put("mynetworks", "0.0.0.0/0");
        installed.put("smtpd_delay_reject", "no");
        installed.put("myhostname", "mail.example.org");
        List<String> keys = compare(SITE, described, installed).stream()
                .map(difference -> difference.message().substring(0, difference.message().indexOf(':'))).toList();
        assertEquals(List.of("networks", "postfix.smtpd_helo_required", "postfix.biff",
                "postfix.smtpd_delay_reject"), keys);
        assertEquals("postfix.biff: main.cf sets biff = yes; the description sets biff = no (Debian's default, which "
                + "postfix.biff changes)", compare(SITE, described, installed).get(2).message());
    }

    @Test
    void modeNoneIgnoresWhatItDoesNotList() {
        String none = "version: 1\nmode: none\npostfix:\n  smtpd_helo_required: \"yes\"\n";
        List<Difference> differences = compare(none, Map.of("smtpd_helo_required", "yes"),
                Map.of("smtpd_helo_required", "no", "myhostname", "by-hand.example.org"));
        assertEquals(1, differences.size(), differences::toString);
        assertEquals("/postfix/smtpd_helo_required", differences.get(0).pointer());
    }

    private static List<Difference> compare(String yaml, Map<String, String> described,
            Map<String, String> installed) {
        Validation validation = new Pipeline().validate("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        PostfixProvenance provenance = PostfixProvenance.of(validation.mailSystem().orElseThrow());
        return MainCfDrift.compare(described, new Postconf.Reading(installed, null), "main.cf", provenance);
    }
}
