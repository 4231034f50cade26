package io.mailform.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.source.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private final YamlReader reader = new YamlReader();

    private ReadResult read(String text) {
        return reader.read("test.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Diagnostic only(ReadResult result) {
        assertEquals(1, result.diagnostics().size(), () -> "diagnostics: " + result.diagnostics());
        return result.diagnostics().get(0);
    }

    private static void assertAt(Diagnostic diagnostic, Code code, int line, int column) {
        assertEquals(code, diagnostic.code(), diagnostic::toString);
        assertEquals(line + ":" + column, diagnostic.span().start().toString(), diagnostic::toString);
    }

    @Test
    void keepsPositionsOfKeysAndValues() {
        ReadResult result = read("version: 1\nrelay:\n  host: smtp.example.org\nnetworks:\n  - 10.0.0.0/8\n  - 192.0.2.0/24\n");
        assertTrue(result.diagnostics().isEmpty(), result.diagnostics()::toString);
        SourceMap map = result.sourceMap();
        assertEquals("3:9", map.valueSpan("/relay/host").start().toString());
        assertEquals("3:3", map.keySpan("/relay/host").start().toString());
        assertEquals("6:5", map.valueSpan("/networks/1").start().toString());
        Span missing = map.valueSpan("/relay/port");
        assertEquals("3:3", missing.start().toString(), "a missing value points at the mapping that lacks it");
        assertEquals("smtp.example.org", result.document().orElseThrow().get("relay").get("host").stringValue());
    }

    @Test
    void aViewOfACutDownDocumentFindsEachNodeWhereTheFileHasIt() {
        SourceMap file = read("relay:\n  host: x\nnetworks:\n  - a\n  - b\n  - c\n").sourceMap();
        // The cut-down document lacks relay and the first network: its /networks/0 is the file's /networks/1.
        SourceMap view = file.viewedThrough(pointer -> pointer.startsWith("/relay") ? null
                : pointer.startsWith("/networks/") ? "/networks/" + (Integer.parseInt(pointer.substring(10)) + 1)
                : pointer);
        assertEquals("5:5", view.valueSpan("/networks/0").start().toString());
        assertEquals("6:5", view.valueSpan("/networks/1").start().toString());
        assertTrue(view.contains("/networks/1"));
        assertFalse(view.contains("/networks/2"), "past the kept items");
        assertFalse(view.contains("/relay/host"), "left out, so not written");
        assertTrue(file.contains("/relay/host"));
        assertEquals("1:1", view.valueSpan("/relay/host").start().toString(), "the nearest node kept: the document");
        assertEquals("3:1", view.keySpan("/networks").start().toString());
    }

    @Test
    void typesScalarsByYaml12CoreSchema() {
        var document = read("a: 1\nb: true\nc: ~\nd: 'true'\ne: yes\nf: 0x1F\ng: 1.5\n").document().orElseThrow();
        assertTrue(document.get("a").isIntegralNumber());
        assertTrue(document.get("b").isBoolean());
        assertTrue(document.get("c").isNull());
        assertTrue(document.get("d").isString());
        assertTrue(document.get("e").isString(), "YAML 1.2: yes is a string, not a boolean");
        assertEquals(31, document.get("f").asInt());
        assertTrue(document.get("g").isNumber());
    }

    @Test
    void readsWholeFloatsAsIntegersAndCapsNumbersBeyond64Bits() {
        var document = read("a: 1e6\nb: 20.0\nc: 1.5\nd: 5e87\ne: -1e30\nf: 1e999999999\n").document().orElseThrow();
        assertTrue(document.get("a").isIntegralNumber());
        assertEquals(1_000_000, document.get("a").asLong());
        assertEquals(20, document.get("b").asLong());
        assertFalse(document.get("c").isIntegralNumber());
        java.math.BigInteger outside = java.math.BigInteger.ONE.shiftLeft(63);
        assertEquals(outside, document.get("d").bigIntegerValue());
        assertEquals(outside.negate().subtract(java.math.BigInteger.ONE), document.get("e").bigIntegerValue());
        assertEquals(outside, document.get("f").bigIntegerValue(), "without computing a billion digits");
    }

    @Test
    void reportsEveryDuplicateKeyWithTheFirstPlace() {
        ReadResult result = read("mode: satellite\nhostname: a.example.org\nmode: internet-site\n");
        Diagnostic diagnostic = only(result);
        assertAt(diagnostic, Code.YAML_DUPLICATE_KEY, 3, 1);
        assertTrue(diagnostic.message().contains("line 1"), diagnostic.message());
        assertFalse(result.document().isPresent(), "a document with errors is not passed on");
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = name;
        }
        ReadResult result = read(bomb.toString());
        assertEquals(Code.YAML_ALIAS_LIMIT, only(result).code());
    }

    @Test
    void refusesAliasExpansionBeyondTheNodeLimitEvenWithFewAliases() {
        // 20 levels of 2 aliases each: only 40 aliases, but a million nodes once expanded.
        StringBuilder bomb = new StringBuilder("l0: &l0 [x, x]\n");
        for (int level = 1; level <= 20; level++) {
            bomb.append("l").append(level).append(": &l").append(level).append(" [*l").append(level - 1)
                    .append(", *l").append(level - 1).append("]\n");
        }
        assertEquals(Code.YAML_ALIAS_LIMIT, only(read(bomb.toString())).code());
    }

    @Test
    void refusesSelfReferencingAnchors() {
        assertEquals(Code.YAML_ALIAS_LIMIT, only(read("a: &a [*a]\n")).code());
    }

    @Test
    void refusesDeepNestingBeforeBuildingATree() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertAt(only(read(deep)), Code.YAML_TOO_DEEP, 1, 35);
    }

    @Test
    void refusesOversizedFilesWithoutParsing() {
        byte[] big = new byte[Limits.DEFAULT.maxBytes() + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        Diagnostic diagnostic = only(reader.read("big.yaml", big));
        assertAt(diagnostic, Code.INPUT_TOO_LARGE, 1, 1);
    }

    @Test
    void reportsInvalidUtf8WithItsPlace() {
        byte[] bytes = "mode: satellite\nhostname: b\u00e4d\n".getBytes(StandardCharsets.ISO_8859_1);
        assertAt(only(reader.read("latin1.yaml", bytes)), Code.INPUT_NOT_UTF8, 2, 12);
    }

    @Test
    void reportsBinaryGarbage() {
        byte[] bytes = {'a', ':', ' ', 0, 1, 2, 'x'};
        assertAt(only(reader.read("bin.yaml", bytes)), Code.INPUT_BINARY, 1, 4);
        byte[] control = {'a', ':', ' ', 'b', 1, 'x'};
        assertAt(only(reader.read("control.yaml", control)), Code.INPUT_BINARY, 1, 5);
    }

    @Test
    void reportsTabsUsedForIndentation() {
        assertAt(only(read("relay:\n\thost: a.example.org\n")), Code.YAML_TAB, 2, 1);
    }

    @Test
    void refusesSeveralDocuments() {
        assertAt(only(read("mode: none\n---\nmode: satellite\n")), Code.YAML_MULTIPLE_DOCUMENTS, 2, 1);
    }

    @Test
    void reportsSyntaxErrorsAtTheirPlace() {
        Diagnostic diagnostic = only(read("mode: none\naliases: [a, b\n"));
        assertEquals(Code.YAML_SYNTAX, diagnostic.code());
        assertEquals(3, diagnostic.span().start().line());
    }

    @Test
    void reportsAnEmptyFile() {
        assertEquals(Code.YAML_EMPTY, only(read("# nothing but a comment\n")).code());
    }

    @Test
    void refusesExplicitTags() {
        assertAt(only(read("mode: !!binary aGVsbG8=\n")), Code.YAML_UNSUPPORTED_TAG, 1, 7);
    }

    @Test
    void refusesComplexKeys() {
        assertEquals(Code.YAML_COMPLEX_KEY, only(read("? [a, b]\n: c\n")).code());
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] text = "mode: none\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        ReadResult result = reader.read("bom.yaml", withBom);
        assertEquals(List.of(), result.diagnostics());
        assertEquals("none", result.document().orElseThrow().get("mode").stringValue());
    }
}
