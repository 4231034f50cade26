package io.mailform.scenario;

import io.mailform.delivery.ReplyPattern;
import io.mailform.model.IpAddress;
import io.mailform.model.Size;
import io.mailform.yaml.Pointers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Builds the typed scenarios from a document that passed the scenario schema; the JSON tree ends here. The schema
 * has vouched for every shape, so binding cannot fail.
 */
final class ScenarioBinder {
    Scenarios bind(JsonNode root) {
        List<Case> cases = new ArrayList<>();
        JsonNode items = root.get("cases");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String pointer = Pointers.of("cases", i);
            cases.add(new Case(item.get("name").stringValue(), send(item.get("send")),
                    expectation(item.path("expect"), pointer), pointer));
        }
        return new Scenarios(root.get("description").stringValue(), cases);
    }

    private static Send send(JsonNode node) {
        return new Send(client(node.get("client")),
                text(node, "helo").orElse(Send.DEFAULT_HELO),
                text(node, "login"),
                node.get("from").stringValue(),
                strings(node.get("to")),
                size(node.get("size")),
                node.has("repeat") ? node.get("repeat").asInt() : 1);
    }

    private static ClientChoice client(JsonNode node) {
        if (node == null) {
            return ClientChoice.LOCALHOST;
        }
        return switch (node.stringValue()) {
            case "inside" -> new ClientChoice.Inside();
            case "outside" -> new ClientChoice.Outside();
            default -> new ClientChoice.At(IpAddress.parse(node.stringValue()).orElseThrow(
                    () -> new IllegalStateException("the schema passed a malformed address " + node)));
        };
    }

    private static OptionalLong size(JsonNode node) {
        if (node == null) {
            return OptionalLong.empty();
        }
        Optional<Size> size = node.isNumber() ? Optional.of(new Size(node.asLong())) : Size.parse(node.stringValue());
        return size.map(s -> OptionalLong.of(s.bytes())).orElse(OptionalLong.empty());
    }

    private static Expectation expectation(JsonNode node, String casePointer) {
        Optional<ReplyPattern> rcpt = Optional.empty();
        Map<String, ReplyPattern> byRecipient = new LinkedHashMap<>();
        JsonNode rcptNode = node.get("rcpt");
        if (rcptNode != null && rcptNode.isObject()) {
            rcptNode.properties().forEach(entry -> byRecipient.put(entry.getKey(), reply(entry.getValue())));
        } else if (rcptNode != null) {
            rcpt = Optional.of(reply(rcptNode));
        }
        List<RelayedCopies> relayed = new ArrayList<>();
        JsonNode relayedNode = node.path("relayed");
        for (int i = 0; i < relayedNode.size(); i++) {
            JsonNode item = relayedNode.get(i);
            relayed.add(new RelayedCopies(item.get("via").stringValue(), strings(item.get("to")), text(item, "login"),
                    item.has("tls") ? Optional.of(item.get("tls").asBoolean()) : Optional.empty(),
                    Pointers.child(Pointers.child(Pointers.child(casePointer, "expect"), "relayed"), i)));
        }
        return new Expectation(optionalReply(node.get("mail")), rcpt, byRecipient, optionalReply(node.get("data")),
                delivered(node.get("delivered")), relayed,
                node.has("bounced") ? strings(node.get("bounced")) : List.of());
    }

    private static Map<String, Integer> delivered(JsonNode node) {
        Map<String, Integer> copies = new LinkedHashMap<>();
        if (node == null) {
            return copies;
        }
        if (node.isArray()) {
            node.values().forEach(account -> copies.merge(account.stringValue(), 1, Integer::sum));
        } else {
            node.properties().forEach(entry -> copies.put(entry.getKey(), entry.getValue().asInt()));
        }
        return copies;
    }

    private static Optional<ReplyPattern> optionalReply(JsonNode node) {
        return node == null ? Optional.empty() : Optional.of(reply(node));
    }

    private static ReplyPattern reply(JsonNode node) {
        String text = node.isNumber() ? Integer.toString(node.asInt()) : node.stringValue();
        return ReplyPattern.parse(text).orElseThrow(
                () -> new IllegalStateException("the schema passed a malformed reply " + node));
    }

    private static List<String> strings(JsonNode node) {
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.values().forEach(value -> values.add(value.stringValue()));
            return values;
        }
        return List.of(node.stringValue());
    }

    private static Optional<String> text(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        return node == null ? Optional.empty() : Optional.of(node.stringValue());
    }
}
