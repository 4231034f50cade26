package io.mailform.scenario;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.diag.Diagnostics;
import io.mailform.diag.Suggestions;
import io.mailform.model.MailSystem;
import io.mailform.model.Route;
import io.mailform.model.User;
import io.mailform.oracle.Oracle;
import io.mailform.postfix.LocalAccounts;
import io.mailform.source.SourceFile;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import io.mailform.yaml.SourceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scenario file can get wrong about the description it tests: a mailbox that is no account there, a next hop
 * it does not have, a reply for a recipient the case does not send to, a client inside networks that are empty, and
 * two cases with one name (reports could not tell them apart).
 */
public final class ScenarioChecker {
    private final MailSystem system;
    private final Oracle oracle;

    public ScenarioChecker(MailSystem system, Oracle oracle) {
        this.system = system;
        this.oracle = oracle;
    }

    public List<Diagnostic> check(Scenarios scenarios, SourceFile source, SourceMap sourceMap) {
        Diagnostics diagnostics = new Diagnostics(source);
        Findings findings = new Findings(diagnostics, sourceMap);
        Map<String, String> names = new HashMap<>();
        Set<String> accounts = LocalAccounts.of(system);
        for (Case item : scenarios.cases()) {
            String first = names.putIfAbsent(item.name(), item.pointer());
            if (first != null) {
                findings.atValue(Code.SCENARIO_DUPLICATE_CASE, Pointers.child(item.pointer(), "name"),
                        "a case named \"" + item.name() + "\" comes earlier, at line "
                                + findings.positionOf(first).line(),
                        "give each case its own name: reports and JUnit XML tell cases apart by it");
            }
            checkClient(item, findings);
            checkRecipients(item, findings);
            checkMailboxes(item, accounts, findings);
            checkNextHops(item, findings);
        }
        return diagnostics.toList();
    }

    private void checkClient(Case item, Findings findings) {
        if (item.send().client() instanceof ClientChoice.Inside && system.networks().isEmpty()) {
            findings.atValue(Code.SCENARIO_NO_INSIDE_CLIENT, Pointers.of("cases", index(item), "send", "client"),
                    "no client is inside networks: the description lists none",
                    "add the network to networks, or send from outside or from an address");
        }
    }

    private void checkRecipients(Case item, Findings findings) {
        for (String recipient : item.expect().rcptByRecipient().keySet()) {
            if (!item.send().to().contains(recipient)) {
                findings.atKey(Code.SCENARIO_UNKNOWN_RECIPIENT,
                        Pointers.of("cases", index(item), "expect", "rcpt", recipient),
                        "the case does not send to " + recipient,
                        Suggestions.didYouMean(recipient, item.send().to())
                                .orElse("name one of the recipients under send.to: " + item.send().to()));
            }
        }
    }

    private void checkMailboxes(Case item, Set<String> accounts, Findings findings) {
        for (String account : item.expect().delivered().keySet()) {
            if (!accounts.contains(account)) {
                String pointer = Pointers.of("cases", index(item), "expect", "delivered");
                String help = Suggestions.didYouMean(account, accounts).orElse(
                        "name a user of the description (" + String.join(", ", users()) + ") or a system account");
                if (findings.isWritten(Pointers.child(pointer, account))) {
                    findings.atKey(Code.SCENARIO_UNKNOWN_MAILBOX, Pointers.child(pointer, account),
                            "no mailbox \"" + account + "\": it is no user of the description and no system account",
                            help);
                } else {
                    findings.atValue(Code.SCENARIO_UNKNOWN_MAILBOX, pointer, "no mailbox \"" + account
                            + "\": it is no user of the description and no system account", help);
                }
            }
        }
    }

    private void checkNextHops(Case item, Findings findings) {
        for (RelayedCopies copies : item.expect().relayed()) {
            if (oracle.sinkFor(copies.via()).isEmpty()) {
                List<String> known = nextHops();
                findings.atValue(Code.SCENARIO_UNKNOWN_NEXT_HOP, Pointers.child(copies.pointer(), "via"),
                        "the description has no next hop \"" + copies.via() + "\"",
                        Suggestions.didYouMean(copies.via(), known).orElse(known.isEmpty()
                                ? "this system sends nothing out: expect no relayed copies"
                                : "the next hops are " + String.join(", ", known)));
            }
        }
    }

    private List<String> nextHops() {
        List<String> hops = new ArrayList<>();
        for (String via : List.of("smarthost", "direct")) {
            if (oracle.sinkFor(via).isPresent()) {
                hops.add(via);
            }
        }
        system.routes().stream().map(Route::domain).map(domain -> domain.value()).forEach(hops::add);
        return hops;
    }

    private List<String> users() {
        return system.users().stream().map(User::name).toList();
    }

    private static int index(Case item) {
        return Integer.parseInt(item.pointer().substring(item.pointer().lastIndexOf('/') + 1));
    }
}
