package io.mailform.emit.postfix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.OutputFile;
import io.mailform.model.AliasTarget;
import io.mailform.model.Cidr;
import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.Interfaces;
import io.mailform.model.IpAddress;
import io.mailform.model.Mode;
import io.mailform.model.Protocols;
import io.mailform.model.Relay;
import io.mailform.model.RelayHost;
import io.mailform.model.SecretSource;
import io.mailform.model.ServerTls;
import io.mailform.model.Size;
import io.mailform.model.TlsLevel;
import io.mailform.model.UnsafeTarget;
import io.mailform.postfix.MainCfParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.nio.file.Path;
import io.mailform.yaml.SourceMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostfixEmitterTest {
    private static final Map<String, String> PASSWORD = Map.of("RELAY_PASSWORD", "s3cret");

    /** Every parameter mailform can write, switched on at once. */
    private static SystemBuilder everything() {
        SystemBuilder builder = new SystemBuilder().mode(Mode.LOCAL_ONLY)
                .relay(SystemBuilder.relayTo("smtp.example.net", 587, TlsLevel.ENCRYPT, "user",
                        new SecretSource.Environment("RELAY_PASSWORD")))
                .route("example.com", SystemBuilder.relayTo("mx.example.com", 25, TlsLevel.VERIFY));
        builder.procmail = true;
        builder.messageSizeLimit = Optional.of(new Size(10_000_000));
        return builder;
    }

    @Test
    void writesEveryOwnParameterOnceInDebiansOrder() {
        Emission emission = Emission.of(everything().build(), SourceMap.empty(), PASSWORD, Path.of("."));
        List<String> expected = Arrays.stream(MainCfParameter.values()).map(MainCfParameter::parameterName).toList();
        assertEquals(expected, emission.mainCfNames());
    }

    @Test
    void writesDebiansBaselineValues() {
        Emission emission = Emission.of(new SystemBuilder().build());
        assertEquals("$myhostname ESMTP $mail_name (Debian/GNU)", emission.mainCf("smtpd_banner"));
        assertEquals("no", emission.mainCf("biff"));
        assertEquals("no", emission.mainCf("append_dot_mydomain"));
        assertEquals("no", emission.mainCf("readme_directory"));
        assertEquals("3.6", emission.mainCf("compatibility_level"));
        assertEquals("/etc/ssl/certs/ssl-cert-snakeoil.pem", emission.mainCf("smtpd_tls_cert_file"));
        assertEquals("/etc/ssl/private/ssl-cert-snakeoil.key", emission.mainCf("smtpd_tls_key_file"));
        assertEquals("may", emission.mainCf("smtpd_tls_security_level"));
        assertEquals("/etc/ssl/certs", emission.mainCf("smtp_tls_CApath"));
        assertEquals("may", emission.mainCf("smtp_tls_security_level"));
        assertEquals("btree:${data_directory}/smtp_scache", emission.mainCf("smtp_tls_session_cache_database"));
        assertEquals("permit_mynetworks permit_sasl_authenticated defer_unauth_destination",
                emission.mainCf("smtpd_relay_restrictions"));
        assertEquals("hash:/etc/aliases", emission.mainCf("alias_maps"));
        assertEquals("hash:/etc/aliases", emission.mainCf("alias_database"));
        assertEquals("/etc/mailname", emission.mainCf("myorigin"));
        assertEquals("mail.example.org", emission.mainCf("myhostname"));
        assertEquals("$myhostname, example.org, mail.example.org, localhost.example.org, localhost",
                emission.mainCf("mydestination"));
        assertEquals("127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128", emission.mainCf("mynetworks"));
        assertEquals("0", emission.mainCf("mailbox_size_limit"));
        assertEquals("all", emission.mainCf("inet_interfaces"));
        assertEquals("all", emission.mainCf("inet_protocols"));
    }

    @Test
    void writesValuesVerbatimWithoutHtmlEscaping() {
        SystemBuilder builder = new SystemBuilder();
        builder.procmail = true;
        builder.postfix("smtpd_client_restrictions", "check_client_access <hash:/etc/postfix/a&b>");
        Emission emission = Emission.of(builder.build());
        assertTrue(emission.text("main.cf").contains("\nmailbox_command = procmail -a \"$EXTENSION\"\n"));
        assertEquals("check_client_access <hash:/etc/postfix/a&b>", emission.mainCf("smtpd_client_restrictions"));
    }

    @Test
    void writesRelayhostAndRecipientDelimiterEvenWhenEmpty() {
        SystemBuilder builder = new SystemBuilder();
        builder.recipientDelimiter = "";
        String mainCf = Emission.of(builder.build()).text("main.cf");
        assertTrue(mainCf.contains("\nrelayhost = \n"), mainCf);
        assertTrue(mainCf.contains("\nrecipient_delimiter = \n"), mainCf);
    }

    @Test
    void leavesMynetworksOutWhenNoNetworkIsGiven() {
        SystemBuilder builder = new SystemBuilder();
        builder.networks = List.of();
        assertNull(Emission.of(builder.build()).mainCf("mynetworks"));
    }

    @Test
    void bracketsIpv6NetworksAndAddressRelays() {
        SystemBuilder builder = new SystemBuilder().mode(Mode.SATELLITE).relay(new Relay(
                new RelayHost.Address(IpAddress.parse("2001:db8::25").orElseThrow()), OptionalInt.empty(), false,
                Optional.empty(), TlsLevel.MAY));
        builder.networks = List.of(Cidr.parse("10.0.0.0/8").orElseThrow(), Cidr.parse("fd00:1::/64").orElseThrow());
        Emission emission = Emission.of(builder.build());
        assertEquals("10.0.0.0/8 [fd00:1::]/64", emission.mainCf("mynetworks"));
        assertEquals("[ipv6:2001:db8::25]", emission.mainCf("relayhost"));
        assertEquals("loopback-only", emission.mainCf("inet_interfaces"));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void onlyLocalOnlyTurnsOutgoingMailIntoErrors(Mode mode) {
        SystemBuilder builder = new SystemBuilder().mode(mode);
        if (mode.needsRelay()) {
            builder.relay(SystemBuilder.relayTo("smtp.example.net", 25, TlsLevel.MAY));
        }
        Emission emission = Emission.of(builder.build());
        String expected = mode == Mode.LOCAL_ONLY ? "error" : null;
        assertEquals(expected, emission.mainCf("default_transport"));
        assertEquals(expected, emission.mainCf("relay_transport"));
        assertEquals(mode.needsRelay() ? "[smtp.example.net]:25" : "", emission.mainCf("relayhost"));
    }

    @Test
    void baselineParameterUnderPostfixReplacesDebiansValueInPlace() {
        Emission emission = Emission.of(new SystemBuilder().postfix("smtpd_banner", "$myhostname ESMTP")
                .postfix("compatibility_level", "3.7").build());
        List<String> names = emission.mainCfNames();
        assertEquals(1, names.stream().filter("smtpd_banner"::equals).count());
        assertEquals(0, names.indexOf("smtpd_banner"));
        assertEquals(4, names.indexOf("compatibility_level"));
        assertEquals("$myhostname ESMTP", emission.mainCf("smtpd_banner"));
        assertEquals("3.7", emission.mainCf("compatibility_level"));
    }

    @Test
    void otherPostfixParametersFollowInTheOrderWritten() {
        Emission emission = Emission.of(new SystemBuilder().postfix("smtpd_helo_required", "yes")
                .postfix("disable_vrfy_command", "yes").postfix("delay_warning_time", "4h").build());
        List<String> names = emission.mainCfNames();
        assertEquals(List.of("smtpd_helo_required", "disable_vrfy_command", "delay_warning_time"),
                names.subList(names.size() - 3, names.size()));
        assertEquals("inet_protocols", names.get(names.size() - 4));
    }

    @Test
    void modeNoneWritesOnlyAliasesWithoutPostfixParameters() {
        SystemBuilder builder = new SystemBuilder().mode(Mode.NONE);
        builder.hostname = Optional.empty();
        builder.mailName = Optional.empty();
        Emission emission = Emission.of(builder.build());
        assertEquals(List.of("aliases", "install.sh"), List.copyOf(emission.emitted().tree().files().keySet()));
        assertFalse(emission.text("install.sh").contains("install_file main.cf"), emission.text("install.sh"));
        assertFalse(emission.text("install.sh").contains("-e \"$@\""), emission.text("install.sh"));
    }

    @Test
    void modeNoneWritesThePostfixParametersAloneAndMergesThem() {
        SystemBuilder builder = new SystemBuilder().mode(Mode.NONE).postfix("smtpd_banner", "$myhostname ESMTP")
                .postfix("disable_vrfy_command", "yes");
        builder.hostname = Optional.empty();
        builder.mailName = Optional.empty();
        Emission emission = Emission.of(builder.build());
        assertEquals(List.of("aliases", "install.sh", "main.cf"),
                List.copyOf(emission.emitted().tree().files().keySet()));
        assertEquals(List.of("smtpd_banner = $myhostname ESMTP", "disable_vrfy_command = yes"),
                emission.mainCfLines());
        String script = emission.text("install.sh");
        assertTrue(script.contains("postconf -c \"$root/etc/postfix\" -e \"$@\""), script);
        assertFalse(script.contains("install_file main.cf"), script);
    }

    @Test
    void serverTlsNoneDropsTheServerHalfAndKeepsTheRelaysLevel() {
        SystemBuilder builder = new SystemBuilder().mode(Mode.SATELLITE)
                .relay(SystemBuilder.relayTo("hub.example.com", 25, TlsLevel.VERIFY));
        builder.serverTls = new ServerTls.None();
        Emission emission = Emission.of(builder.build());
        assertNull(emission.mainCf("smtpd_tls_cert_file"));
        assertNull(emission.mainCf("smtpd_tls_security_level"));
        assertEquals("verify", emission.mainCf("smtp_tls_security_level"));
        assertEquals("/etc/ssl/certs", emission.mainCf("smtp_tls_CApath"));

        SystemBuilder direct = new SystemBuilder();
        direct.serverTls = new ServerTls.None();
        Emission site = Emission.of(direct.build());
        assertTrue(site.mainCfNames().stream().noneMatch(name -> name.contains("tls")), site.mainCfNames()::toString);
    }

    @Test
    void routesGoToTheTransportTableAndOnlyDifferingTlsLevelsToThePolicyTable() {
        SystemBuilder builder = new SystemBuilder()
                .route("example.com", SystemBuilder.relayTo("mx.example.com", 25, TlsLevel.MAY))
                .route("example.net", new Relay(new RelayHost.Name(new DomainName("example.net")),
                        OptionalInt.empty(), true, Optional.empty(), TlsLevel.SECURE));
        Emission emission = Emission.of(builder.build());
        assertEquals("hash:/etc/postfix/transport", emission.mainCf("transport_maps"));
        assertEquals("hash:/etc/postfix/tls_policy", emission.mainCf("smtp_tls_policy_maps"));
        assertTrue(emission.text("transport").endsWith(
                "example.com\tsmtp:[mx.example.com]:25\nexample.net\tsmtp:example.net\n"), emission.text("transport"));
        assertTrue(emission.text("tls_policy").endsWith("\n# Installed as /etc/postfix/tls_policy and built into "
                + "/etc/postfix/tls_policy.db with postmap.\nexample.net\tsecure\n"), emission.text("tls_policy"));
        assertFalse(emission.has("sasl_passwd"));
        assertNull(emission.mainCf("smtp_sasl_auth_enable"));
    }

    @Test
    void noPolicyTableWhenEveryRouteUsesTheGlobalLevel() {
        Emission emission = Emission.of(new SystemBuilder()
                .route("example.com", SystemBuilder.relayTo("mx.example.com", 25, TlsLevel.MAY)).build());
        assertFalse(emission.has("tls_policy"));
        assertNull(emission.mainCf("smtp_tls_policy_maps"));
    }

    @Test
    void relayLoginGoesToAPrivateTableKeyedByTheNextHop() {
        SystemBuilder builder = new SystemBuilder().mode(Mode.INTERNET_SMARTHOST)
                .relay(SystemBuilder.relayTo("smtp.example.net", 587, TlsLevel.ENCRYPT, "user@example.org",
                        new SecretSource.Environment("RELAY_PASSWORD")));
        Emission emission = Emission.of(builder.build(), SourceMap.empty(), PASSWORD, Path.of("."));
        assertEquals(OutputFile.SECRET, emission.file("sasl_passwd").mode());
        assertTrue(emission.text("sasl_passwd").endsWith("\n[smtp.example.net]:587\tuser@example.org:s3cret\n"));
        assertEquals(emission.mainCf("relayhost"), "[smtp.example.net]:587");
        assertEquals("yes", emission.mainCf("smtp_sasl_auth_enable"));
        assertEquals("hash:/etc/postfix/sasl_passwd", emission.mainCf("smtp_sasl_password_maps"));
        assertEquals("noanonymous", emission.mainCf("smtp_sasl_security_options"));
        assertEquals("encrypt", emission.mainCf("smtp_tls_security_level"));
        assertTrue(emission.text("install.sh").contains("chmod 0600 \"$root/etc/postfix/sasl_passwd.db\""));
    }

    @Test
    void aliasesFileHasDebiansHeaderPostmasterAndRootLine() {
        SystemBuilder builder = new SystemBuilder().alias("team", new AliasTarget.Local("alice"),
                new AliasTarget.Address("bob", new DomainName("example.com")));
        builder.rootRecipient = List.of(new AliasTarget.Local("alice"), new AliasTarget.Local("bob"));
        String aliases = Emission.of(builder.build()).text("aliases");
        assertTrue(aliases.startsWith("# Generated by mailform from site.yaml."), aliases);
        assertTrue(aliases.endsWith("\n# See man 5 aliases for format\npostmaster: root\n"
                + "team: alice, bob@example.com\nroot:\talice, bob\n"), aliases);
    }

    @Test
    void optedInCommandTargetIsWrittenQuoted() {
        SystemBuilder builder = new SystemBuilder().alias("tickets", new AliasTarget.Command("/usr/bin/ticketd --in"));
        builder.allowedAliasTargets = java.util.EnumSet.of(UnsafeTarget.COMMAND);
        assertTrue(Emission.of(builder.build()).text("aliases").contains("\ntickets: \"|/usr/bin/ticketd --in\"\n"));
    }

    @Test
    void mailnameIsTheMailNameOnOneLine() {
        assertEquals("example.org\n", Emission.of(new SystemBuilder().build()).text("mailname"));
    }

    @Test
    void headersCiteTheBaseNameOfTheSource() {
        Emission emission = Emission.of(new SystemBuilder().build());
        for (String path : List.of("main.cf", "aliases", "install.sh")) {
            assertTrue(emission.text(path).contains("# Generated by mailform from site.yaml. Do not edit this file: "
                    + "change site.yaml and compile it again.\n"), path);
            assertFalse(emission.text(path).contains("dir/"), path);
        }
    }

    @Test
    void installScriptSetsSynchronousUpdatesAsAsked() {
        SystemBuilder builder = new SystemBuilder();
        assertTrue(Emission.of(builder.build()).text("install.sh").contains("chattr -S "));
        builder.synchronousUpdates = true;
        Emission emission = Emission.of(builder.build());
        assertTrue(emission.text("install.sh").contains("chattr +S "));
        assertTrue(emission.text("install.sh").startsWith("#!/bin/sh\n"));
        assertEquals(OutputFile.EXECUTABLE, emission.file("install.sh").mode());
    }

    @Test
    void sameModelSameBytesAndEveryFileEndsWithANewline() {
        SystemBuilder builder = everything();
        builder.mode = Mode.INTERNET_SMARTHOST;
        builder.interfaces = new Interfaces.Addresses(List.of(IpAddress.parse("192.0.2.1").orElseThrow()));
        builder.protocols = Protocols.IPV4;
        builder.destinations = List.of(new Destination.MyHostname());
        Emission first = Emission.of(builder.build(), SourceMap.empty(), PASSWORD, Path.of("."));
        Emission second = Emission.of(builder.build(), SourceMap.empty(), PASSWORD, Path.of("."));
        assertEquals(first.emitted().tree(), second.emitted().tree());
        first.emitted().tree().files().forEach((path, file) -> {
            byte[] content = file.content();
            assertTrue(content.length > 0 && content[content.length - 1] == '\n', path);
        });
        assertArrayEquals(first.file("main.cf").content(), second.file("main.cf").content());
    }
}
