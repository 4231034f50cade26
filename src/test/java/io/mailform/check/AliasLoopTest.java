package io.mailform.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasLoopTest {
    private static Checked withAliases(String aliases) {
        return Checked.yaml("""
                version: 1
                mode: internet-site
                hostname: mail.example.com
                mail_name: example.com
                aliases:
                %s""".formatted(aliases));
    }

    @Test
    void twoAliasesNamingEachOther() {
        withAliases("  b: a\n  a: b\n").error(Code.ALIAS_LOOP).at(6, 3)
                .says("b -> a -> b", "alias database loop")
                .helps("break the cycle");
    }

    @Test
    void namesFoldAndLocalAddressesCount() {
        withAliases("  Sales: team@example.com\n  team: [alice@elsewhere.org, SALES]\n").error(Code.ALIAS_LOOP)
                .at(6, 3).says("Sales -> team -> Sales");
    }

    @Test
    void addressExtensionsAreStripped() {
        withAliases("  a: b+lists\n  b: a\n").error(Code.ALIAS_LOOP).says("a -> b -> a");
    }

    @Test
    void oneReportPerGroupWithItsShortestCycle() {
        Checked checked = withAliases("  x: alice\n  a: [b, c]\n  b: c\n  c: [a, b]\n  p: q\n  q: p\n");
        List<Diagnostic> loops = checked.of(Code.ALIAS_LOOP).stream().sorted(Diagnostic.BY_POSITION).toList();
        assertEquals(2, loops.size(), Checked.render(checked.all()));
        assertEquals("7:3", loops.get(0).span().start().toString());
        assertTrue(loops.get(0).message().contains("a -> c -> a"), Checked.render(loops));
        assertEquals("10:3", loops.get(1).span().start().toString());
        assertTrue(loops.get(1).message().contains("p -> q -> p"), Checked.render(loops));
    }

    @Test
    void longChainsDoNotExhaustTheStack() {
        StringBuilder aliases = new StringBuilder();
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            aliases.append("  n").append(i).append(": n").append((i + 1) % count).append('\n');
        }
        withAliases(aliases.toString()).error(Code.ALIAS_LOOP).at(6, 3).says("n0 -> n1 -> n2", "n19999 -> n0");
    }

    @Test
    void anAliasNamingOnlyItself() {
        withAliases("  alice: bob\n  Sales: [sales, SALES@example.com]\n").error(Code.ALIAS_LOOP).at(7, 3)
                .says("Sales -> Sales", "mailbox Sales")
                .helps("remove the alias");
    }

    @Test
    void anAliasNamingItselfKeepsACopyInItsMailbox() {
        withAliases("  alice: [alice, alice@backup.example.org]\n  bob: [bob@example.com, bob@backup.example.org]\n")
                .none(Code.ALIAS_LOOP);
    }

    @Test
    void chainsAndRemoteAddressesAreNoLoop() {
        withAliases("  a: b\n  b: [c, a@example.org]\n  c: alice\n").none(Code.ALIAS_LOOP);
    }
}
