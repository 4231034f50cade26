package io.mailform.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.model.AliasTarget;
import io.mailform.model.Cidr;
import io.mailform.model.DomainName;
import io.mailform.model.Interfaces;
import io.mailform.model.MailSystem;
import io.mailform.model.SecretSource;
import io.mailform.model.User;
import io.mailform.model.ServerTls;
import io.mailform.yaml.ReadResult;
import io.mailform.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BinderTest {
    private static MailSystem bind(String yaml) {
        ReadResult read = new YamlReader().read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        Bound bound = new Binder().bind(read.document().orElseThrow(), read.source(), read.sourceMap());
        assertEquals(List.of(), bound.diagnostics());
        return bound.mailSystem().orElseThrow();
    }

    private static final String SATELLITE = """
            version: 1
            mode: satellite
            hostname: host.example.org
            mail_name: example.org
            relay: {host: smtp.example.org}
            """;

    @Test
    void appliesDebiansDefaults() {
        MailSystem system = bind(SATELLITE);
        assertEquals(List.of("127.0.0.0/8", "::ffff:127.0.0.0/104", "::1/128"),
                system.networks().stream().map(Cidr::text).toList());
        assertTrue(system.interfaces() instanceof Interfaces.LoopbackOnly);
        assertEquals("+", system.recipientDelimiter());
        assertEquals(ServerTls.SNAKEOIL, system.serverTls());
        assertEquals("postmaster", system.aliases().get(0).name(), "postmaster: root is always there");
        assertEquals(List.of(new AliasTarget.Local("root")), system.aliases().get(0).targets());
        assertEquals("[smtp.example.org]", system.relay().orElseThrow().postfixNextHop());
    }

    @Test
    void readsRootRecipientAsDebianDoes() {
        assertEquals(List.of(new AliasTarget.Local("alice"), new AliasTarget.Address("bob", new DomainName("example.com"))),
                bind(SATELLITE + "root_recipient: \"alice, bob@example.com\"\n").rootRecipient());
        assertEquals(List.of(), bind(SATELLITE + "root_recipient: None\n").rootRecipient(), "none means no root line");
        assertEquals(List.of(new AliasTarget.Local("ops")), bind(SATELLITE + "root_recipient: [ops]\n").rootRecipient());
    }

    @Test
    void readsUsersAsBareNamesOrMappings() {
        MailSystem system = bind(SATELLITE + "users: [alice, {name: bob, password_env: BOB_IMAP}, carol]\n");
        assertEquals(List.of(new User("alice"), new User("bob", Optional.of(new SecretSource.Environment("BOB_IMAP"))),
                new User("carol")), system.users());
    }

    @Test
    void readsSizesInEveryForm() {
        MailSystem system = bind(SATELLITE + "mailbox_size_limit: 50MB\nmessage_size_limit: 1e6\n");
        assertEquals(50_000_000L, system.mailboxSizeLimit().bytes());
        assertEquals(1_000_000L, system.messageSizeLimit().orElseThrow().bytes());
    }
}
