package io.mailform.runtime.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailform.delivery.Arrival;
import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.MailServer;

/**
 * Reads every mailbox and every capture sink of a server and says whose each message is: a copy of a case's message
 * carries its Message-ID; a bounce has a Message-ID of its own and carries the token of the message it reports.
 * What no case explains is kept too: the ledger must show it.
 */
public final class ArrivalCollector {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\r\\n]*>)");

    /** The arrivals per case index, and one line for each message no case explains. */
    record Collected(Map<Integer, List<Arrival>> byCase, List<String> unexplained) {
        int attributed() {
            return byCase.values().stream().mapToInt(List::size).sum();
        }
    }

    private final Map<String, Integer> caseByToken;

    /** @param caseByToken the case index of every message sent so far, by its token */
    ArrivalCollector(Map<String, Integer> caseByToken) {
        this.caseByToken = Map.copyOf(caseByToken);
    }

    Collected collect(MailServer server) throws IOException {
        Map<Integer, List<Arrival>> byCase = new LinkedHashMap<>();
        List<String> unexplained = new ArrayList<>();
        for (String account : server.accountsWithMail()) {
            for (byte[] message : server.mailbox(account)) {
                String text = new String(message, StandardCharsets.UTF_8);
                attribute(text, kind -> Arrival.inMailbox(kind, account), byCase)
                    .ifPresent(problem -> unexplained.add("mailbox " + account + ": " + problem));
            }
        }
        for (CaptureSink sink : server.sinks()) {
            for (CapturedMessage captured : sink.messages()) {
                String text = captured.text();
                for (String recipient : captured.recipients()) {
                    attribute(text, kind -> Arrival.inSink(kind, sink.name(), recipient, captured.authenticatedAs(),
                        captured.tls()), byCase)
                        .ifPresent(problem -> unexplained.add("sink " + sink.name() + " for " + recipient + ": "
                            + problem));
                }
            }
        }
        return new Collected(byCase, unexplained);
    }

    private interface ArrivalOfKind {
        Arrival at(Arrival.Kind kind);
    }

    /** Files the message under its case; returns what to report when no case explains it. */
    private Optional<String> attribute(String text, ArrivalOfKind arrival, Map<Integer, List<Arrival>> byCase) {
        Optional<String> ownId = messageId(text);
        for (Map.Entry<String, Integer> entry : caseByToken.entrySet()) {
            String token = entry.getKey();
            boolean copy = ownId.filter(id -> id.equals("<" + token + "@" + TestMessage.DOMAIN + ">")).isPresent();
            if (copy || text.contains(token)) {
                Arrival.Kind kind = copy ? Arrival.Kind.MESSAGE : Arrival.Kind.BOUNCE;
                byCase.computeIfAbsent(entry.getValue(), index -> new ArrayList<>()).add(arrival.at(kind));
                return Optional.empty();
            }
        }
        return Optional.of(summary(text));
    }

    /** The Message-ID of the message itself: in its own header block, not in a report it quotes. */
    public static Optional<String> messageId(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        Matcher matcher = MESSAGE_ID.matcher(end < 0 ? text : text.substring(0, end));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String summary(String text) {
        return text.lines().takeWhile(line -> !line.isEmpty())
            .filter(line -> line.matches("(?i)(from|to|subject|message-id): .*"))
            .reduce((a, b) -> a + " | " + b).orElse(text.lines().findFirst().orElse("(empty)"));
    }
}
