package io.mailform.runtime.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.delivery.Reply;

/**
 * Where two servers' outcomes of one case differ: replies by code and enhanced status (the text may differ), and the
 * copies as a whole (where, for whom, with which login, over TLS or not).
 */
final class OutcomeComparison {
    private OutcomeComparison() {
    }

    static List<String> differences(String firstName, List<Outcome> first, String secondName, List<Outcome> second,
            List<String> recipients) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            String prefix = Math.max(first.size(), second.size()) > 1 ? "message " + (i + 1) + ": " : "";
            Optional<Outcome> a = i < first.size() ? Optional.of(first.get(i)) : Optional.empty();
            Optional<Outcome> b = i < second.size() ? Optional.of(second.get(i)) : Optional.empty();
            if (a.isEmpty() || b.isEmpty()) {
                differences.add(prefix + "sent on one server only");
                continue;
            }
            compare(prefix + "MAIL", firstName, Optional.of(a.get().mail()), secondName, Optional.of(b.get().mail()),
                differences);
            for (int j = 0; j < recipients.size(); j++) {
                compare(prefix + "RCPT " + recipients.get(j), firstName, at(a.get().rcpt(), j), secondName,
                    at(b.get().rcpt(), j), differences);
            }
            compare(prefix + "DATA", firstName, a.get().data(), secondName, b.get().data(), differences);
        }
        List<String> onlyFirst = keys(first);
        List<String> onlySecond = keys(second);
        for (String key : new ArrayList<>(onlyFirst)) {
            if (onlySecond.remove(key)) {
                onlyFirst.remove(key);
            }
        }
        onlyFirst.forEach(key -> differences.add("only " + firstName + ": " + key));
        onlySecond.forEach(key -> differences.add("only " + secondName + ": " + key));
        return differences;
    }

    private static Optional<Reply> at(List<Reply> replies, int index) {
        return index < replies.size() ? Optional.of(replies.get(index)) : Optional.empty();
    }

    private static void compare(String what, String firstName, Optional<Reply> first, String secondName,
            Optional<Reply> second, List<String> differences) {
        String a = first.map(Reply::status).orElse("no reply");
        String b = second.map(Reply::status).orElse("no reply");
        if (!a.equals(b)) {
            differences.add(what + ": " + firstName + " " + first.map(Reply::toString).orElse("no reply") + ", "
                + secondName + " " + second.map(Reply::toString).orElse("no reply"));
        }
    }

    private static List<String> keys(List<Outcome> outcomes) {
        List<String> keys = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            for (Arrival arrival : outcome.arrivals()) {
                keys.add(new Arrival(arrival.kind(), arrival.place(), arrival.recipient().toLowerCase(Locale.ROOT),
                    arrival.login(), arrival.tls()).text());
            }
        }
        keys.sort(null);
        return keys;
    }
}
