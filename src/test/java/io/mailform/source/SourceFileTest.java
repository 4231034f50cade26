package io.mailform.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceFileTest {
    @Test
    void mapsOffsetsToLinesAndCodePointColumns() {
        SourceFile source = new SourceFile("f", "ab\nc\u00e9\ud83d\udce7x\r\nlast");
        assertEquals("1:1", source.positionAt(0).toString());
        assertEquals("2:1", source.positionAt(3).toString());
        assertEquals("2:4", source.positionAt(7).toString(), "a surrogate pair is one column");
        assertEquals("cé\ud83d\udce7x", source.lineText(2), "CR of CRLF is not part of the line");
        assertEquals("last", source.lineText(3));
        assertEquals(7, source.positionAt(2, 4).offset());
    }
}
