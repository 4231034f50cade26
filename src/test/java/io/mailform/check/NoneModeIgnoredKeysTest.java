package io.mailform.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.diag.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoneModeIgnoredKeysTest {
    private static List<String> found(String yaml) {
        return Checked.yaml(yaml).of(Code.MODE_NONE_IGNORED_KEY).stream()
                .map(d -> d.severity().label() + " " + d.span().start() + " " + d.message())
                .toList();
    }

    @Test
    void warnsAboutTemplateKeysInModeNone() {
        assertEquals(List.of(
                        "warning 3:1 hostname has no effect in mode none, which writes no main.cf template",
                        "warning 4:1 relay has no effect in mode none, which writes no main.cf template"),
                found("""
                        version: 1
                        mode: none
                        hostname: mail.example.org
                        relay: {host: smtp.example.net}
                        aliases: {abuse: root}
                        root_recipient: alice
                        synchronous_updates: true
                        postfix: {myhostname: mail.example.org}
                        """));
    }

    @Test
    void keysThatModeNoneWritesAreFine() {
        assertEquals(List.of(), found("""
                version: 1
                mode: none
                aliases: {abuse: root}
                root_recipient: alice
                """));
    }

    @Test
    void otherModesUseEveryKey() {
        assertEquals(List.of(), found("""
                version: 1
                mode: internet-site
                hostname: mail.example.org
                mail_name: example.org
                networks: [127.0.0.0/8]
                """));
    }
}
