package io.mailform.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The classes of addresses the findings are grouped by, read from the text of the fuzz description's addresses. */
class AddressClassTest {
    @TestFactory
    Stream<DynamicTest> eachAddressHasItsClass() throws IOException {
        AddressClass classes = new AddressClass(AddressSeedsTest.grammar().words());
        return Stream.of(
                new String[] {"<ines@example.org>", "name:user to:local"},
                new String[] {"<INES+tag@Example.ORG.>", "domain-trailing-dot extension name:user to:local"},
                new String[] {"<ca..rol@example.org>", "dots name:unknown to:local"},
                new String[] {"<carol@bad_.example.org>", "domain-underscore name:unknown to:local-sub"},
                new String[] {"<\"ines\"@example.org>", "name:user quoted to:local"},
                new String[] {"<\"a b\"@example.org>", "name:unknown quoted quoted-specials to:local"},
                new String[] {"<@a.example,@b.example:oskar@lists.example.org>", "name:user route to:routed"},
                new String[] {"<friend%remote.example@example.org>", "name:unknown percent to:local"},
                new String[] {"<friend@remote.example@example.org>", "name:unknown to:local two-at"},
                new String[] {"<ines@[127.0.0.1]>", "literal-own name:user"},
                new String[] {"<ines@[IPv6:::1]>", "literal-ipv6 name:user"},
                new String[] {"<ines@[300.1.1.1]>", "literal-bad name:user"},
                new String[] {"<>", "null"},
                new String[] {"postmaster", "name:alias no-domain unbracketed"},
                new String[] {"<ines(x)@example.org>", "comment name:unknown to:local"},
                new String[] {"<w\u00c3\u00a9b@example.org>", "local-utf8 name:unknown to:local"},
                new String[] {"<w\u00e9b@example.org>", "local-8bit name:unknown to:local"},
                new String[] {"<ines@-bad.example>", "domain-hyphen name:user to:remote"},
                new String[] {"<ines@1.2.3.999>", "domain-dotted-quad name:user to:remote"},
                new String[] {"<ines@example.123>", "domain-numeric-top name:user to:remote"})
            .map(pair -> DynamicTest.dynamicTest(pair[0], () -> assertEquals(pair[1],
                classes.of(new AddressGrammar.Generated(pair[0], "test")))));
    }
}
