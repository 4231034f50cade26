package io.mailform.runtime.smtp;

import java.util.Locale;

import org.apache.james.protocols.api.BaseRequest;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandDispatcher;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * James's command dispatcher, reading each command line as Postfix's smtpd does ({@link SmtpdCommandLine}): as UTF-8,
 * where James reads US-ASCII and puts U+FFFD for every other byte, so that an address with 8-bit characters reaches
 * the handlers as the client wrote it; a line that is not UTF-8 is answered {@code 500 5.5.2 Error: bad UTF-8 syntax}
 * before any command sees it; a line over 2,048 bytes is read up to there.
 */
public class PostfixCommandDispatcher extends CommandDispatcher<SMTPSession> {
    private static final Response NOT_UTF8 = new SMTPResponse("500", "5.5.2 Error: bad UTF-8 syntax").immutable();

    @Override
    public Response onLine(SMTPSession session, byte[] line) {
        return SmtpdCommandLine.read(line).isPresent() ? super.onLine(session, line) : NOT_UTF8;
    }

    /**
     * The command and its argument, from the text Postfix reads, split at white space as smtpd's tokenizer knows it:
     * James trims every control character, which smtpd takes as text.
     */
    @Override
    protected Request parseRequest(SMTPSession session, byte[] line) {
        String text = SmtpdCommandLine.read(line).orElse("");
        int start = 0;
        int end = text.length();
        while (start < end && SmtpdTokens.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && SmtpdTokens.isSpace(text.charAt(end - 1))) {
            end--;
        }
        int space = start;
        while (space < end && !SmtpdTokens.isSpace(text.charAt(space))) {
            space++;
        }
        String command = text.substring(start, space).toUpperCase(Locale.US);
        return new BaseRequest(command, space < end ? text.substring(space + 1, end) : null);
    }
}
