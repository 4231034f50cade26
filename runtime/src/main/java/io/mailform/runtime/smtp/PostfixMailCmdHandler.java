package io.mailform.runtime.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.MailCmdHandler;

import io.mailform.postfix.AddressReading;
import io.mailform.runtime.address.MailSettings;

/**
 * MAIL FROM as Postfix's smtpd reads it: Postfix's replies for a second MAIL, a missing FROM: and an ESMTP parameter
 * Postfix does not know; the sender read by {@link io.mailform.postfix.AddressReader} (501 5.1.7 where Postfix finds
 * bad syntax), and handed to James in a form its parser takes, a bare sender qualified with the mail name (Postfix's
 * myorigin). A sender Postfix takes but James's address syntax cannot hold is refused with
 * {@link PostfixRcptCmdHandler#CANNOT_HOLD} (known difference KD3). SIZE and the other parameters are read by James.
 */
public class PostfixMailCmdHandler extends MailCmdHandler {
    private static final Response NESTED = new SMTPResponse("503", "5.5.1 Error: nested MAIL command").immutable();
    private static final Response SYNTAX = new SMTPResponse("501", "5.5.4 Syntax: MAIL FROM:<address>").immutable();
    private static final Response BAD_SENDER =
        new SMTPResponse("501", "5.1.7 Bad sender address syntax").immutable();
    private static final ProtocolSession.AttachmentKey<Boolean> SMTPUTF8 =
        ProtocolSession.AttachmentKey.of("mailform.smtputf8", Boolean.class);

    private final MailNameQualifier qualifier;
    private final RecipientReader reader;

    @Inject
    public PostfixMailCmdHandler(MetricFactory metricFactory, MailSettings settings, DomainList domains) {
        super(metricFactory);
        this.qualifier = new MailNameQualifier(settings, domains);
        this.reader = new RecipientReader(qualifier, domains);
    }

    /** Whether the MAIL FROM of the transaction under way announced SMTPUTF8 (RFC 6531). */
    static boolean announcedSmtputf8(SMTPSession session) {
        return session.getAttachment(SMTPUTF8, State.Transaction).orElse(false);
    }

    /** A second MAIL leaves the transaction under way as it is; James's handler would drop its sender. */
    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (session.getAttachment(SMTPSession.SENDER, State.Transaction).isPresent()) {
            return NESTED;
        }
        return super.onCommand(session, request);
    }

    @Override
    protected Response doFilterChecks(SMTPSession session, String command, String parameters) {
        SmtpdTokens words = SmtpdTokens.of(parameters);
        if (words.size() < 2 || !words.get(0).text().equalsIgnoreCase("from:")) {
            return SYNTAX;
        }
        // As Postfix: SMTPUTF8 is looked for first, as it changes how the sender reads; then the sender; then the
        // other parameters.
        List<String> options = words.textsFrom(2);
        boolean smtputf8 = options.stream().anyMatch(option -> option.equalsIgnoreCase("SMTPUTF8"));
        AddressReading sender = reader.sender(session, words.get(1), smtputf8);
        if (sender instanceof AddressReading.BadSyntax) {
            return BAD_SENDER;
        }
        for (String parameter : options) {
            if (!isPostfixParameter(parameter)) {
                return new SMTPResponse("555", "5.5.4 Unsupported option: " + parameter);
            }
        }
        String jamesSender;
        if (sender instanceof AddressReading.Resolved read) {
            int at = read.canonical().lastIndexOf('@');
            String localPart = read.canonical().substring(0, at);
            if (EnvelopeRecipient.jamesAddress(localPart, read.canonical().substring(at + 1)).isEmpty()) {
                return new SMTPResponse("553", "5.1.7 <" + read.internal() + ">: Sender address rejected: "
                    + PostfixRcptCmdHandler.CANNOT_HOLD);
            }
            jamesSender = EnvelopeRecipient.quotedIfNeeded(localPart) + read.canonical().substring(at);
        } else {
            jamesSender = "";
        }
        List<String> forJames = new ArrayList<>();
        forJames.add("FROM:<" + jamesSender + ">");
        forJames.addAll(options);
        Response refused = super.doFilterChecks(session, command, String.join(" ", forJames));
        if (refused == null) {
            session.setAttachment(SMTPUTF8, smtputf8, State.Transaction);
        }
        return refused;
    }

    /** The MAIL parameters Postfix's smtpd takes (RFC 1652, 1870, 3461, 4954, 6531). */
    private static boolean isPostfixParameter(String parameter) {
        String upper = parameter.toUpperCase(Locale.ROOT);
        return upper.equals("BODY=8BITMIME") || upper.equals("BODY=7BIT") || upper.equals("SMTPUTF8")
            || upper.startsWith("SIZE=") || upper.startsWith("AUTH=") || upper.startsWith("RET=")
            || upper.startsWith("ENVID=");
    }

    @Override
    protected String getDefaultDomain() {
        return qualifier.domain();
    }
}
