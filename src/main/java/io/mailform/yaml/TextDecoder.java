package io.mailform.yaml;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.source.Position;
import io.mailform.source.SourceFile;
import io.mailform.source.Span;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns raw bytes into text, refusing what is not a text file: too large, not UTF-8, or carrying control
 * characters. These are checked before YAML parsing so that the message names the real problem.
 */
final class TextDecoder {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    record Decoded(SourceFile source, Optional<Diagnostic> problem) {
    }

    private final Limits limits;

    TextDecoder(Limits limits) {
        this.limits = limits;
    }

    Decoded decode(String name, byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            SourceFile empty = new SourceFile(name, "");
            return new Decoded(empty, Optional.of(Diagnostic.of(Code.INPUT_TOO_LARGE, name, Span.at(Position.START),
                    "the file has more than " + limits.maxBytes() + " bytes, the most mailform reads",
                    "check that this is the right file; validate, compile and explain read larger files with --max-input-size")));
        }
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            // Text never holds NUL; say "binary" rather than whatever encoding error comes first.
            SourceFile prefix = new SourceFile(name, new String(bytes, 0, nul, StandardCharsets.UTF_8));
            Position at = prefix.positionAt(prefix.text().length());
            return new Decoded(prefix, Optional.of(Diagnostic.of(Code.INPUT_BINARY, name, Span.at(at),
                    "NUL byte at offset " + nul + "; this is a binary file, not YAML",
                    "give mailform the YAML description of the mail system")));
        }
        int skip = startsWithBom(bytes) ? UTF8_BOM.length : 0;
        ByteBuffer input = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            output.flip();
            SourceFile partial = new SourceFile(name, output.toString());
            Position at = partial.positionAt(partial.text().length());
            int offset = input.position();
            return new Decoded(partial, Optional.of(Diagnostic.of(Code.INPUT_NOT_UTF8, name, Span.at(at),
                    String.format("byte 0x%02X at offset %d is not valid UTF-8", bytes[offset] & 0xFF, offset),
                    "save the file as UTF-8 (mailform reads no other encoding)")));
        }
        decoder.flush(output);
        output.flip();
        SourceFile source = new SourceFile(name, output.toString());
        return new Decoded(source, controlCharacter(source));
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    /** YAML allows tab, LF and CR among the C0 controls; anything else means binary data or a corrupted file. */
    private static Optional<Diagnostic> controlCharacter(SourceFile source) {
        String text = source.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F;
            if (control) {
                Position at = source.positionAt(i);
                return Optional.of(Diagnostic.of(Code.INPUT_BINARY, source.name(), new Span(at, source.positionAt(i + 1)),
                        String.format("control character U+%04X in the text; this looks like a binary file", (int) c),
                        "give mailform the YAML description, or remove the character"));
            }
        }
        return Optional.empty();
    }
}
