package io.mailform.runtime.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.mailform.runtime.sandbox.CaptureSink;
import io.mailform.runtime.sandbox.CapturedMessage;
import io.mailform.runtime.server.MailServer;

/**
 * What one server has delivered since the last look: each message a capture sink took (told by the sink as it takes
 * it), and each message a mailbox gained. The fuzzer reads it after every probe, so it never reads a message twice.
 */
final class ArrivalFeed {
    /** One message at one place: for a sink, once per envelope recipient; for a mailbox, once. */
    record Delivery(String place, String recipient, Optional<String> login, boolean tls, boolean sink, String text) {
    }

    private final MailServer server;
    private final Map<String, Integer> read = new HashMap<>();
    private final ConcurrentLinkedQueue<CapturedMessage> captured = new ConcurrentLinkedQueue<>();

    ArrivalFeed(MailServer server) throws IOException {
        this.server = server;
        for (CaptureSink sink : server.sinks()) {
            sink.subscribe(captured::add);
        }
    }

    /** Everything delivered since the last call. */
    List<Delivery> poll() throws IOException {
        List<Delivery> deliveries = new ArrayList<>();
        for (CapturedMessage message; (message = captured.poll()) != null; ) {
            for (String recipient : message.recipients()) {
                deliveries.add(new Delivery(message.sink(), recipient, message.authenticatedAs(), message.tls(), true,
                    message.text()));
            }
        }
        for (Map.Entry<String, Integer> mailbox : server.mailboxCounts().entrySet()) {
            String account = mailbox.getKey();
            int before = read.getOrDefault(account, 0);
            if (mailbox.getValue() <= before) {
                continue;
            }
            List<byte[]> messages = server.mailbox(account, before);
            for (byte[] message : messages) {
                deliveries.add(new Delivery(account, account, Optional.empty(), false, false,
                    new String(message, StandardCharsets.UTF_8)));
            }
            read.put(account, before + messages.size());
        }
        return deliveries;
    }
}
