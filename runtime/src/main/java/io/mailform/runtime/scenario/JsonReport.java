package io.mailform.runtime.scenario;

import java.io.PrintStream;
import java.util.List;

import io.mailform.delivery.Arrival;
import io.mailform.delivery.Outcome;
import io.mailform.delivery.Reply;
import io.mailform.runtime.server.ServerKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report for tools: one document with a report per source (scenario file, or the generated cases), each with
 * every case and the oracle's and each server's status, replies and copies.
 */
final class JsonReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    void print(List<TestReport> reports, PrintStream out) {
        ObjectNode document = JSON.objectNode();
        document.put("passed", reports.stream().allMatch(TestReport::passed));
        document.put("judged", reports.stream().mapToLong(TestReport::judged).sum());
        document.put("nothingJudged", reports.stream().anyMatch(TestReport::judgedNothing));
        ArrayNode all = document.putArray("reports");
        reports.forEach(report -> all.add(report(report)));
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    private static ObjectNode report(TestReport report) {
        ObjectNode root = JSON.objectNode();
        root.put("description", report.description());
        root.put("source", report.source());
        root.put("passed", report.passed());
        root.put("judged", report.judged());
        if (report.judgedNothing()) {
            root.put("nothingJudged", report.whyNothingJudged());
        }
        ArrayNode leftOut = root.putArray("leftOut");
        report.leftOutByReason().forEach((reason, names) -> {
            ObjectNode group = leftOut.addObject();
            group.put("reason", reason);
            group.put("count", names.size());
            strings(group.putArray("cases"), names);
        });
        ArrayNode servers = root.putArray("servers");
        report.servers().forEach(server -> servers.add(server.key()));
        ArrayNode cases = root.putArray("cases");
        for (CaseReport item : report.cases()) {
            ObjectNode node = cases.addObject();
            node.put("name", item.item().name());
            ObjectNode oracle = node.putObject("oracle");
            oracle.put("status", item.oracle().name().toLowerCase(java.util.Locale.ROOT));
            strings(oracle.putArray("notes"), item.oracleNotes());
            ObjectNode byServer = node.putObject("servers");
            item.servers().forEach((server, verdict) -> byServer.set(server.key(), verdict(verdict)));
            strings(node.putArray("disagreements"), item.disagreements());
        }
        ObjectNode ledger = root.putObject("ledger");
        for (ServerKind server : report.servers()) {
            strings(ledger.putArray(server.key()), report.unexplained().getOrDefault(server, List.of()));
        }
        ObjectNode failures = root.putObject("serverFailures");
        report.serverFailures().forEach((server, reason) -> failures.put(server.key(), reason));
        return root;
    }

    private static ObjectNode verdict(ServerVerdict verdict) {
        ObjectNode node = JSON.objectNode();
        node.put("status", verdict.status().name().toLowerCase(java.util.Locale.ROOT));
        strings(node.putArray("mismatches"), verdict.mismatches());
        verdict.known().ifPresent(known -> node.put("knownDifference", known.id()));
        verdict.error().ifPresent(error -> node.put("error", error));
        ArrayNode transactions = node.putArray("transactions");
        for (Outcome outcome : verdict.outcomes()) {
            ObjectNode transaction = transactions.addObject();
            transaction.put("mail", outcome.mail().toString());
            strings(transaction.putArray("rcpt"), outcome.rcpt().stream().map(Reply::toString).toList());
            outcome.data().ifPresent(data -> transaction.put("data", data.toString()));
            strings(transaction.putArray("copies"), outcome.arrivals().stream().map(Arrival::text).toList());
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
