package io.mailform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.yaml.ReadResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keyword-to-code table, including keywords this schema does not use today (a later schema version may): each
 * error becomes a diagnostic with its code, at the node, with help. Errors are built by hand at real places of the
 * schema and of a small document.
 */
class KeywordMappingTest {
    private static final String DOCUMENT = """
            version: 1
            mode: internet-site
            hostname: mail.example.com
            mail_name: example.com
            relay:
              host: smtp.example.com
              port: 0
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "required, SCHEMA_REQUIRED, /relay, /$defs/relay/required, host",
            "additionalProperties, SCHEMA_UNKNOWN_KEY, /relay, /$defs/relay/additionalProperties, port",
            "unevaluatedProperties, SCHEMA_UNKNOWN_KEY, /relay, /$defs/relay/unevaluatedProperties, port",
            "type, SCHEMA_TYPE, /relay/port, /$defs/relay/properties/port/type, ",
            "enum, SCHEMA_ENUM, /mode, /properties/mode/enum, ",
            "const, SCHEMA_ENUM, /version, /properties/version/const, ",
            "pattern, SCHEMA_PATTERN, /hostname, /$defs/domainName/pattern, ",
            "format, SCHEMA_PATTERN, /hostname, /$defs/domainName/format, ",
            "minimum, SCHEMA_RANGE, /relay/port, /$defs/relay/properties/port/minimum, ",
            "maximum, SCHEMA_RANGE, /relay/port, /$defs/relay/properties/port/maximum, ",
            "maxLength, SCHEMA_RANGE, /hostname, /$defs/userName/maxLength, ",
            "minItems, SCHEMA_RANGE, /relay, /properties/interfaces/oneOf/1/minItems, ",
            "uniqueItems, SCHEMA_UNIQUE, /relay, /properties/users/uniqueItems, ",
            "oneOf, SCHEMA_CHOICE, /relay, /$defs/relay/properties/auth/oneOf, ",
            "anyOf, SCHEMA_CHOICE, /relay/host, /$defs/relayHost/anyOf, ",
            "not, SCHEMA_CONDITION, /relay, /$defs/relay/not, ",
            "dependentRequired, SCHEMA_CONDITION, /relay, /$defs/relay/dependentRequired, port",
            "if, SCHEMA_CONDITION, /relay, /$defs/relay/if, ",
            "multipleOf, SCHEMA_OTHER, /relay/port, /$defs/relay/properties/port/multipleOf, ",
            "contains, SCHEMA_OTHER, /relay, /$defs/relay/contains, "})
    void keywordBecomesCode(String keyword, Code code, String instance, String schemaPointer, String property) {
        ReadResult read = Validate.read(DOCUMENT);
        ErrorTranslator translator = new ErrorTranslator(BundledSchema.instance().document(),
                read.document().orElseThrow(), "test.yaml", read.sourceMap());
        List<String> evaluationPath = List.of(schemaPointer.substring(1).split("/"));
        Diagnostic diagnostic = translator.translate(new SchemaError(keyword, instance, evaluationPath, schemaPointer,
                Optional.ofNullable(property), 0));
        assertEquals(code, diagnostic.code());
        var expected = code == Code.SCHEMA_UNKNOWN_KEY ? read.sourceMap().keySpan(instance + "/" + property)
                : read.sourceMap().valueSpan(instance);
        assertEquals(expected.start(), diagnostic.span().start());
        assertFalse(diagnostic.help().orElse("").isBlank(), diagnostic::toString);
    }
}
