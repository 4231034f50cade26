package io.mailform.runtime.scenario;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.mailform.runtime.server.ServerKind;

/**
 * JUnit XML as CI systems read it: for each source (scenario file, or the generated cases) one test suite per server
 * and one for the oracle, one test case per case, a failure with every mismatch, an error when the case could not
 * run, and a known difference as a skipped test with its reason. The ledger is a test case of each server's suite.
 * A generated case left out is a skipped test of the oracle's suite, with its reason; a source that judged no case
 * has a failed test case "cases judged" in each server's suite, so that a CI system does not show it green.
 */
final class JunitReport {
    void write(List<TestReport> reports, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "mailform test " + reports.get(0).description());
        for (TestReport report : reports) {
            String prefix = reports.size() > 1 ? report.source() + ": " : "";
            for (ServerKind server : report.servers()) {
                List<Row> extra = new ArrayList<>(List.of(ledger(report, server)));
                if (report.judgedNothing()) {
                    List<String> messages = new ArrayList<>(List.of("no case was judged: " + report.whyNothingJudged()
                        + "; this run tested nothing"));
                    messages.addAll(report.leftOutLines());
                    extra.add(new Row("cases judged", Status.FAIL, messages));
                }
                suite(xml, report, prefix + server.key(), report.cases().stream()
                    .map(item -> serverCase(item, server)).toList(), extra);
            }
            suite(xml, report, prefix + "oracle", report.cases().stream().map(JunitReport::oracleCase).toList(),
                report.leftOut().stream().map(item -> new Row(item.name(), Status.UNJUDGED,
                    List.of("left out: " + item.reason()))).toList());
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private record Row(String name, Status status, List<String> messages) {
    }

    private static Row serverCase(CaseReport item, ServerKind server) {
        ServerVerdict verdict = item.servers().get(server);
        List<String> messages = verdict.error().map(List::of).orElse(verdict.known()
            .map(known -> List.of("known difference " + known.id() + ": " + known.summary() + " (" + known.reason()
                + ")"))
            .orElse(verdict.mismatches()));
        return new Row(item.item().name(), verdict.status(), messages);
    }

    private static Row oracleCase(CaseReport item) {
        return new Row(item.item().name(), item.oracle(), item.oracleNotes());
    }

    private static Row ledger(TestReport report, ServerKind server) {
        String failure = report.serverFailures().get(server);
        if (failure != null) {
            return new Row("ledger", Status.ERROR, List.of(failure));
        }
        List<String> unexplained = report.unexplained().getOrDefault(server, List.of());
        return new Row("ledger", unexplained.isEmpty() ? Status.PASS : Status.FAIL, unexplained);
    }

    private static void suite(XMLStreamWriter xml, TestReport report, String name, List<Row> rows, List<Row> extra)
            throws XMLStreamException {
        List<Row> all = new ArrayList<>(rows);
        all.addAll(extra);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(all.size()));
        xml.writeAttribute("failures", Long.toString(all.stream().filter(row -> row.status() == Status.FAIL).count()));
        xml.writeAttribute("errors", Long.toString(all.stream().filter(row -> row.status() == Status.ERROR).count()));
        xml.writeAttribute("skipped", Long.toString(all.stream()
            .filter(row -> row.status() == Status.KNOWN || row.status() == Status.UNJUDGED).count()));
        for (Row row : all) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", row.name());
            xml.writeAttribute("classname", report.source() + "." + name.substring(name.lastIndexOf(" ") + 1));
            String text = String.join("\n", row.messages());
            switch (row.status()) {
                case FAIL -> element(xml, "failure", row.messages().isEmpty() ? "failed" : row.messages().get(0), text);
                case ERROR -> element(xml, "error", row.messages().isEmpty() ? "error" : row.messages().get(0), text);
                case KNOWN, UNJUDGED -> element(xml, "skipped", text, "");
                default -> {
                }
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String message, String text)
            throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("message", message);
        if (!text.isEmpty()) {
            xml.writeCharacters(text);
        }
        xml.writeEndElement();
    }
}
