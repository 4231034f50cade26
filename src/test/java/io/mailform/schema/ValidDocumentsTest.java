package io.mailform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.bind.Binder;
import io.mailform.bind.Bound;
import io.mailform.model.Mode;
import io.mailform.yaml.ReadResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Documents like the ones in examples/: one per mode and one that uses every key. Each must pass the schema without
 * a single diagnostic, and what the schema passes the binder must read without complaint.
 */
class ValidDocumentsTest {
    static final Map<String, String> DOCUMENTS = Map.of(
            "none", """
                    version: 1
                    mode: none
                    aliases:
                      webmaster: root
                    postfix:
                      smtpd_banner: $myhostname ESMTP
                    """,
            "internet-site", """
                    version: 1
                    mode: internet-site
                    hostname: mail.example.com
                    mail_name: example.com
                    root_recipient: "alice@example.com, bob"
                    """,
            "internet-smarthost", """
                    version: 1
                    mode: internet-smarthost
                    hostname: mail.example.com
                    mail_name: example.com
                    relay:
                      host: smtp.example.net
                      port: 587
                      tls: encrypt
                      auth:
                        username: mailer@example.com
                        password_env: RELAY_PASSWORD
                    """,
            "satellite", """
                    version: 1
                    mode: satellite
                    hostname: web1.example.com
                    mail_name: example.com
                    relay:
                      host: 192.0.2.25
                    destinations: []
                    """,
            "local-only", """
                    version: 1
                    mode: local-only
                    hostname: desk.example.com.
                    mail_name: example.com
                    interfaces: loopback-only
                    """,
            "full", """
                    # every key of version 1
                    version: 1
                    mode: internet-smarthost
                    hostname: Mail.Example.COM
                    mail_name: example.com
                    root_recipient: [alice, ops@example.com]
                    destinations: [$myhostname, example.com, localhost.example.com, localhost]
                    relay:
                      host: 2001:db8::25
                      port: 587
                      mx_lookup: false
                      tls: secure
                      auth:
                        username: mailer
                        password_file: secrets/relay-password
                    networks: [127.0.0.0/8, "::ffff:127.0.0.0/104", "::1/128", 192.0.2.0/24, 10.1.2.3]
                    synchronous_updates: true
                    procmail: true
                    mailbox_size_limit: 1GiB
                    message_size_limit: 1e6
                    recipient_delimiter: "+-"
                    protocols: all
                    interfaces: [127.0.0.1, "::1", 192.0.2.10]
                    aliases:
                      postmaster: alice
                      webmaster: alice
                      team: [alice, bob@example.net, '\\carol']
                      tickets: "|/usr/local/bin/ticket-intake --queue support"
                      archive: /var/mail/archive
                      lists: ":include:/etc/mail/lists"
                    users:
                      - name: alice
                      - bob
                      - name: j.doe
                    routes:
                      example.net:
                        host: mx.example.net
                        mx_lookup: true
                      partner.example.org.:
                        host: 198.51.100.7
                        port: 2525
                        tls: verify
                        auth:
                          username: "partner@example.org"
                          password_env: PARTNER_PASSWORD
                    tls:
                      server:
                        cert_file: /etc/ssl/certs/mail.pem
                        key_file: /etc/ssl/private/mail.key
                    postfix:
                      smtpd_banner: $myhostname ESMTP
                      smtp_tls_CApath: /etc/ssl/certs
                      disable_vrfy_command: true
                      smtpd_client_connection_count_limit: 20
                      smtpd_recipient_limit: 100.0
                    allow_alias_targets: [command, file, include]
                    """);

    @TestFactory
    Stream<DynamicTest> passesTheSchemaAndBinds() {
        return DOCUMENTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    ReadResult read = Validate.read(entry.getValue());
                    assertEquals(List.of(), new SchemaValidator().validate(read.document().orElseThrow(),
                            read.source(), read.sourceMap()));
                    Bound bound = new Binder().bind(read.document().orElseThrow(), read.source(), read.sourceMap());
                    assertEquals(List.of(), bound.diagnostics());
                    assertTrue(bound.mailSystem().isPresent());
                }));
    }

    @TestFactory
    Stream<DynamicTest> oneDocumentPerMode() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.key(), () -> {
            ReadResult read = Validate.read(DOCUMENTS.get(mode.key()));
            assertEquals(mode.key(), read.document().orElseThrow().get("mode").stringValue());
        }));
    }

    @TestFactory
    Stream<DynamicTest> fullDocumentUsesEveryKey() {
        ReadResult read = Validate.read(DOCUMENTS.get("full"));
        return SchemaDefinitionTest.schema().get("properties").propertyNames().stream()
                .map(key -> DynamicTest.dynamicTest(key,
                        () -> assertTrue(read.document().orElseThrow().has(key), key + " is not in the full document")));
    }
}
