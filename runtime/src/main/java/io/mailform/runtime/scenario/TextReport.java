package io.mailform.runtime.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.mailform.runtime.server.ServerKind;

/**
 * The report for people: one row per case with the oracle's and each server's status and whether the servers agree,
 * and under a row that is not all well, what was expected and what each server did.
 */
final class TextReport {
    private static final int NAME_WIDTH = 56;

    void print(TestReport report, PrintStream out) {
        out.println("mailform test " + report.description() + " (" + report.source() + "): " + report.cases().size()
            + " cases on " + String.join(" and ", report.servers().stream().map(ServerKind::key).toList()));
        report.leftOutLines().forEach(out::println);
        out.println();
        if (!report.cases().isEmpty()) {
            table(report, out);
        }
        if (report.judgedNothing()) {
            out.println("no case was judged: " + report.whyNothingJudged() + "; this run tested nothing");
        }
        out.println(summary(report));
    }

    /** The rows, then what was wrong with the servers and each server's ledger. */
    private static void table(TestReport report, PrintStream out) {
        StringBuilder header = new StringBuilder(String.format("%4s  %-" + NAME_WIDTH + "s  %-7s", "#", "case", "oracle"));
        report.servers().forEach(server -> header.append(String.format("  %-7s", server.key())));
        if (report.servers().size() > 1) {
            header.append("  servers");
        }
        out.println(header);
        for (CaseReport item : report.cases()) {
            StringBuilder row = new StringBuilder(String.format("%4d  %-" + NAME_WIDTH + "s  %-7s", item.index() + 1,
                shortened(item.item().name()), item.oracle().label()));
            for (ServerKind server : report.servers()) {
                ServerVerdict verdict = item.servers().get(server);
                String label = verdict.status().label() + verdict.known().map(known -> " " + known.id()).orElse("");
                row.append(String.format("  %-7s", label));
            }
            if (report.servers().size() > 1) {
                row.append("  ").append(item.disagreements().isEmpty() ? "agree" : "differ");
            }
            out.println(row);
            details(item, out);
        }
        out.println();
        report.serverFailures().forEach((server, reason) -> out.println(server.key() + " did not run: " + reason));
        for (ServerKind server : report.servers()) {
            List<String> unexplained = report.unexplained().getOrDefault(server, List.of());
            if (!report.serverFailures().containsKey(server)) {
                out.println("ledger, " + server.key() + ": " + (unexplained.isEmpty()
                    ? "every accepted message was found where its case said, and nothing else arrived"
                    : unexplained.size() + " message(s) that no case explains"));
                unexplained.forEach(line -> out.println("    " + line));
            }
        }
    }

    static String summary(TestReport report) {
        List<String> parts = new ArrayList<>();
        for (ServerKind server : report.servers()) {
            StringBuilder part = new StringBuilder(server.key() + " " + report.count(server, Status.PASS) + " passed");
            for (Status status : List.of(Status.FAIL, Status.KNOWN, Status.ERROR)) {
                long count = report.count(server, status);
                if (count > 0) {
                    part.append(", ").append(count).append(switch (status) {
                        case FAIL -> " failed";
                        case KNOWN -> " known differences";
                        default -> " errors";
                    });
                }
            }
            parts.add(part.toString());
        }
        long oracleFailures = report.cases().stream().filter(item -> item.oracle() == Status.FAIL).count();
        long unjudged = report.cases().stream().filter(item -> item.oracle() == Status.UNJUDGED).count();
        parts.add("oracle " + (report.cases().size() - oracleFailures - unjudged) + " agreed"
            + (oracleFailures > 0 ? ", " + oracleFailures + " disagreed" : "")
            + (unjudged > 0 ? ", " + unjudged + " not judged" : ""));
        if (report.servers().size() > 1) {
            parts.add("servers agree on " + report.agreements() + " of " + report.cases().size());
        }
        String verdict = report.judgedNothing() ? " -- FAILED: no case was judged" : report.passed() ? "" : " -- FAILED";
        return report.cases().size() + " cases: " + String.join("; ", parts) + verdict;
    }

    private static void details(CaseReport item, PrintStream out) {
        boolean quiet = !item.failed() && item.disagreements().isEmpty() && item.oracle() != Status.UNJUDGED
            && item.servers().values().stream().noneMatch(verdict -> verdict.status() == Status.KNOWN);
        if (quiet) {
            return;
        }
        if (item.oracle() == Status.FAIL) {
            item.oracleNotes().forEach(note -> out.println("        oracle: " + note));
        } else if (item.oracle() == Status.UNJUDGED) {
            item.oracleNotes().forEach(note -> out.println("        oracle cannot judge: " + note));
        }
        item.servers().forEach((server, verdict) -> {
            verdict.error().ifPresent(error -> out.println("        " + server.key() + ": " + error));
            verdict.mismatches().forEach(mismatch -> out.println("        " + server.key() + ": " + mismatch));
            verdict.known().ifPresent(known -> out.println("        " + server.key() + ": known difference "
                + known.id() + ": " + known.summary()));
        });
        item.disagreements().forEach(difference -> out.println("        servers differ: " + difference));
    }

    private static String shortened(String name) {
        return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH - 1) + "…";
    }
}
