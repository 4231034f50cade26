package io.mailform.runtime.smtp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A command line as Postfix's smtpd reads it before it looks at the command: its line end dropped, at most
 * line_length_limit (2,048) bytes kept and the rest of a longer line skipped, and (smtputf8_enable = yes) the text
 * read as UTF-8; a line that is not valid UTF-8 there has no text, and smtpd answers it with 500 5.5.2.
 */
final class SmtpdCommandLine {
    private static final int LINE_LENGTH_LIMIT = 2048;

    private SmtpdCommandLine() {
    }

    /** The text of the line; empty when it is not UTF-8 (where the limit cuts a character in two, too). */
    static Optional<String> read(byte[] line) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        byte[] kept = Arrays.copyOf(line, Math.min(end, LINE_LENGTH_LIMIT));
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(kept)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
