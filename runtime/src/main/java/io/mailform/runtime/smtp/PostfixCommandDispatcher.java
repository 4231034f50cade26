package io.mailform.runtime.smtp;

import java.util.Locale;
import java.util.Optional;

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

    /** As James splits a line into command and argument, from the text Postfix reads. */
    @Override
    protected Request parseRequest(SMTPSession session, byte[] line) {
        Optional<String> text = SmtpdCommandLine.read(line);
        String command = text.orElse("").trim();
        int space = command.indexOf(' ');
        if (space < 0) {
            return new BaseRequest(command.toUpperCase(Locale.US), null);
        }
        return new BaseRequest(command.substring(0, space).toUpperCase(Locale.US), command.substring(space + 1));
    }
}
