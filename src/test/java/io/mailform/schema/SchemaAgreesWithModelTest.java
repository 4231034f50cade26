package io.mailform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.model.Cidr;
import io.mailform.model.DomainName;
import io.mailform.model.IpAddress;
import io.mailform.model.Size;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binder trusts the schema: whatever a pattern lets through, the model's parser must read. Each value is tried
 * in a document; the schema's verdict must be the expected one, and an accepted value must parse.
 */
class SchemaAgreesWithModelTest {
    private static final String SITE = "version: 1\nmode: internet-site\nhostname: mail.example.com\n"
            + "mail_name: example.com\n";

    @ParameterizedTest(name = "networks: {0} -> {1}")
    @CsvSource({
            "10.0.0.0/8, true", "192.0.2.1, true", "0.0.0.0/0, true", "::1/128, true", "::ffff:127.0.0.0/104, true",
            "2001:db8::/32, true", "1:2:3:4:5:6:7:8/64, true", "1::1.2.3.4, true", "fe80::, true",
            "10.0.0.0/33, false", "10.0.0.0/08, false", "256.0.0.0/8, false", "01.2.3.4, false", "::1/129, false",
            "[::1]/128, false", "fe80::1%eth0, false", "1:2:3:4:5:6:7:8:9, false", "1::2::3, false",
            "10.0.0.0/, false", "localhost, false"})
    void networks(String network, boolean accepted) {
        assertVerdict("networks: [\"" + network + "\"]\n", accepted, network, text -> Cidr.parse(text).isPresent());
    }

    @ParameterizedTest(name = "interfaces: {0} -> {1}")
    @CsvSource({"127.0.0.1, true", "::1, true", "2001:db8:0:0:0:0:0:1, true", "::ffff:192.0.2.1, true",
            "127.0.0.1/8, false", "[::1], false", "127.1, false", "::g, false"})
    void interfaceAddresses(String address, boolean accepted) {
        assertVerdict("interfaces: [\"" + address + "\"]\n", accepted, address,
                text -> IpAddress.parse(text).isPresent());
    }

    @ParameterizedTest(name = "relay.host: {0} -> {1}")
    @CsvSource({"smtp.example.com, true", "SMTP.Example.COM., true", "relay, true", "192.0.2.25, true",
            "2001:db8::25, true", "1.2.3.999, true", "xn--bcher-kva.example, true",
            "-smtp.example.com, false", "smtp_1.example.com, false", "smtp..example.com, false",
            "[2001:db8::25], false", "smtp.example.com:587, false", "smtp example.com, false"})
    void relayHosts(String host, boolean accepted) {
        assertVerdict("relay:\n  host: \"" + host + "\"\n", accepted, host,
                text -> IpAddress.parse(text).isPresent() || DomainName.isValid(strip(text)));
    }

    @ParameterizedTest(name = "hostname of {0} characters -> {1}")
    @CsvSource({"253, true", "254, false"})
    void domainNameLength(int length, boolean accepted) {
        // labels of the longest allowed length (63), cut to the total length; neither length ends on a dot
        String text = ("a".repeat(63) + ".").repeat(4).substring(0, length);
        assertVerdict("", accepted, text, DomainName::isValid, SITE.replace("mail.example.com", text));
        // a trailing dot does not count towards the length
        assertVerdict("", accepted, text + ".", t -> DomainName.isValid(strip(t)),
                SITE.replace("mail.example.com", text + "."));
    }

    @ParameterizedTest(name = "mailbox_size_limit: {0} -> {1}")
    @CsvSource({"50MB, true", "10 MiB, true", "1024, true", "7tib, true", "0B, true",
            "50 XB, false", "1.5MB, false", "MB, false", "' 5MB', false", "5 M B, false", "-5MB, false"})
    void sizes(String size, boolean accepted) {
        assertVerdict("mailbox_size_limit: \"" + size + "\"\n", accepted, size, text -> Size.parse(text).isPresent());
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static void assertVerdict(String yamlTail, boolean accepted, String value, Predicate<String> modelReads) {
        assertVerdict(yamlTail, accepted, value, modelReads, SITE);
    }

    private static void assertVerdict(String yamlTail, boolean accepted, String value, Predicate<String> modelReads,
            String head) {
        boolean schemaAccepts = Validate.yaml(head + yamlTail).isEmpty();
        assertEquals(accepted, schemaAccepts, value);
        if (schemaAccepts) {
            assertTrue(modelReads.test(value), "the schema passes " + value + " but the model cannot read it");
        }
    }
}
