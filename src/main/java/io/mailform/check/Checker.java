package io.mailform.check;

import io.mailform.diag.Diagnostic;
import io.mailform.diag.Diagnostics;
import io.mailform.model.Coverage;
import io.mailform.model.MailSystem;
import io.mailform.source.SourceFile;
import io.mailform.yaml.Findings;
import io.mailform.yaml.SourceMap;
import java.util.List;

/** Runs every semantic rule over a bound model. */
public final class Checker {
    private final List<Rule> rules;

    public Checker(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Checker standard() {
        return new Checker(StandardRules.all());
    }

    public List<Diagnostic> check(MailSystem system, SourceFile source, SourceMap sourceMap) {
        Diagnostics diagnostics = new Diagnostics(source);
        Findings findings = new Findings(diagnostics, sourceMap);
        for (Rule rule : rules) {
            rule.check(system, findings);
        }
        return diagnostics.toList();
    }

    /**
     * Runs the rules that read only what a partly bound model holds as written ({@link Rule#reads}); the others are
     * left out, since what they would report could be the doing of a part that is missing.
     */
    public List<Diagnostic> check(MailSystem system, Coverage coverage, SourceFile source, SourceMap sourceMap) {
        Diagnostics diagnostics = new Diagnostics(source);
        Findings findings = new Findings(diagnostics, sourceMap);
        for (Rule rule : rules) {
            if (rule.reads().coveredBy(coverage)) {
                rule.check(system, findings);
            }
        }
        return diagnostics.toList();
    }
}
