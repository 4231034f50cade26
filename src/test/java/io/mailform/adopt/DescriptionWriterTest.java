package io.mailform.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.model.PostfixParameter;
import io.mailform.pipeline.Pipeline;
import io.mailform.pipeline.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the writer quotes reads back as the same text, and each member knows its lines. */
class DescriptionWriterTest {
    private static final List<String> VALUES = List.of("yes", "No", "3.6", "0", "1e3", "0x10", "-", "", "~", "null",
            "$myhostname ESMTP", "it's", "a: b", "a #b", "hash:/etc/postfix/transport", "[hub.example.org]:587",
            "permit_mynetworks, reject_unauth_destination", "btree:${data_directory}/smtp_scache", "10.30.0.5",
            "procmail -a \"$EXTENSION\"", "@", "*", "&anchor", "!not", "%percent", "`tick`", "{x}", "[y]");

    @Test
    void quotedValuesReadBackUnchanged() {
        List<Member> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < VALUES.size(); i++) {
            parameters.add(Member.of("p" + i, YamlValue.Scalar.of(VALUES.get(i)), null));
        }
        Description description = new Description(List.of("header"), List.of(
                Member.of("version", YamlValue.Scalar.number(1), null),
                Member.of("mode", YamlValue.Scalar.of("none"), null),
                Member.of("postfix", new YamlValue.Block(parameters), null, "section")));
        DescriptionWriter.Rendered rendered = DescriptionWriter.render(description);
        Validation validation = new Pipeline().validate("test.yaml", rendered.text().getBytes(StandardCharsets.UTF_8));
        // The names are no Postfix parameters (a semantic error); reading and the schema must find nothing.
        assertEquals(List.of(), validation.diagnostics().stream()
                .filter(d -> d.code().id().startsWith("yaml-") || d.code().id().startsWith("schema-")).toList(),
                rendered.text());
        List<String> read = validation.mailSystem().orElseThrow().postfixParameters().stream()
                .map(PostfixParameter::value).toList();
        assertEquals(VALUES, read, rendered.text());
    }

    @Test
    void placesEachMemberOnItsLines() {
        Description description = new Description(List.of(), List.of(
                Member.of("version", YamlValue.Scalar.number(1), null),
                Member.of("relay", new YamlValue.Block(List.of(
                        Member.of("host", YamlValue.Scalar.of("smtp.example.net"), null),
                        Member.of("port", YamlValue.Scalar.number(587), null))), null, "a comment")));
        DescriptionWriter.Rendered rendered = DescriptionWriter.render(description);
        assertEquals("# yaml-language-server: $schema=mailsystem.schema.json\nversion: 1\n\n# a comment\nrelay:\n"
                + "  host: smtp.example.net\n  port: 587\n", rendered.text());
        assertEquals(List.of("version 2-2", "relay.host 6-6", "relay.port 7-7", "relay 5-7"), rendered.placed()
                .stream().map(placed -> String.join(".", placed.path()) + " " + placed.firstLine() + "-"
                        + placed.lastLine()).toList());
    }
}
