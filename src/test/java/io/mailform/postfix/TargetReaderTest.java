package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Diagnostic;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.MailSystem;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * {@link TargetReader} and validate against the table of alias targets that a private Postfix delivered
 * (alias-targets.csv beside this class, which the runtime's AliasTargetFormsTest asks Postfix again for).
 */
class TargetReaderTest {
    private static final String TABLE = "/io/mailform/postfix/alias-targets.csv";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = TABLE, delimiter = '|', quoteCharacter = '\0')
    void targetsGoWherePostfixSendsThem(String text, String fate, String validate) {
        MailSystem system = described(text, "accepted").mailSystem().orElseGet(() -> described("root", "accepted")
            .mailSystem().orElseThrow());
        TargetReader reader = TargetReader.of(system);
        AliasTarget target = new AliasTarget.Local(text);
        String[] expected = fate.split(" ", 2);
        switch (expected[0]) {
            case "local", "unknown" -> assertEquals(Optional.of(expected[1]), reader.localName(target));
            case "forward" -> assertEquals(Optional.of(expected[1]),
                reader.forwardedTo(target).map(AddressResolver::externalForm));
            case "bad" -> assertTrue(reader.badSyntax(target).isPresent(), text);
            default -> throw new AssertionError("no such fate: " + fate);
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvFileSource(resources = TABLE, delimiter = '|', quoteCharacter = '\0')
    void validateTakesWhatPostfixDeliversAndRefusesWhatItBounces(String text, String fate, String validate) {
        Validation validation = described(text, validate);
        List<String> errors = validation.diagnostics().stream().filter(Diagnostic::isError)
            .map(diagnostic -> diagnostic.code().id()).toList();
        assertEquals(validate.equals("accepted") ? List.of() : List.of(validate), errors,
            validation.diagnostics()::toString);
        if (validate.equals("accepted")) {
            Alias alias = validation.mailSystem().orElseThrow().aliases().stream()
                .filter(found -> found.name().equals("t")).findFirst().orElseThrow();
            assertEquals(1, alias.targets().size());
        }
    }

    @Test
    void commandsFilesAndIncludesAreNoAddresses() {
        TargetReader reader = TargetReader.of(described("alice", "accepted").mailSystem().orElseThrow());
        assertEquals(Optional.empty(), reader.read(new AliasTarget.Command("/usr/bin/true")));
        assertEquals(Optional.empty(), reader.read(new AliasTarget.File("/var/mail/archive")));
        assertEquals(Optional.empty(), reader.read(new AliasTarget.Include("/etc/mail/list")));
    }

    /** examples/internet-site.yaml's names and domains, with one alias t whose target is {@code target}. */
    private static Validation described(String target, String validate) {
        String yaml = """
            version: 1
            mode: internet-site
            hostname: mail.example.org
            mail_name: example.org
            root_recipient: alice
            users: [alice, bob]
            aliases:
              t: "%s"
            """.formatted(target);
        return new Pipeline().validate("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }
}
