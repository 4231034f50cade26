package io.mailform.runtime.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * One transaction the fuzzer tries on both servers: a client inside or outside networks, a sender and one to three
 * recipients from the grammar. The first choices of an input pick the client and the number of recipients, then the
 * sender, then each recipient.
 */
record Probe(ClientSide client, AddressGrammar.Generated sender, List<AddressGrammar.Generated> recipients) {
    Probe {
        recipients = List.copyOf(recipients);
    }

    static Probe generate(AddressGrammar grammar, Choices data) {
        ClientSide client = ClientSide.values()[data.choose(ClientSide.values().length)];
        int roll = data.choose(100);
        int count = roll < 75 ? 1 : roll < 90 ? 2 : 3;
        AddressGrammar.Generated sender = grammar.sender(data);
        List<AddressGrammar.Generated> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            recipients.add(grammar.recipient(data));
        }
        return new Probe(client, sender, recipients);
    }

    /** {@code from 127.0.0.2 (outside): MAIL FROM:<a@b> RCPT TO:<c@d>}, each address printable. */
    String text() {
        StringBuilder text = new StringBuilder("from ").append(client.text()).append(": MAIL FROM:")
            .append(sender.text());
        recipients.forEach(recipient -> text.append(" RCPT TO:").append(recipient.text()));
        return text.toString();
    }
}
