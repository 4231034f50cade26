package io.mailform.emit.james;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

/**
 * The James target's reading of which addresses James can hold ({@link JamesAddressSyntax}) against James 3.8.1's
 * own MailAddress, javax.mail's reading of it and the user name its recipient rewrite table makes of it, over every combination of the local parts and domains below: the compiler leaves out alias targets
 * James would refuse at start, so the two must not differ.
 */
class JamesAddressSyntaxTest {
    private static final List<String> LOCAL_PARTS = List.of("friend", "a.b", "ca..rol", "\"ca..rol\"", "\".alice\"",
        "\"alice.\"", "\"a b\"", "\"\"", "\"a\\\"b\"", "\"a\\\\b\"", "b!", "b%c", "a+tag", "o'neil", "x_y", "ålice",
        "\"ålice\"", "a\\,b", "\"a,b\"", "-a", "a-", "\"a@b\"", "\"a\\@b\"", "\"a\\\\\"", "\"a\\\\\\\\\"",
        "\"\\\\a\"");
    private static final List<String> DOMAINS = List.of("remote.test", "example.org", "bad_.test", "_bad.test",
        "exa_mple.test", "remote-.test", "-remote.test", "example.123", "123.example", "x", "rëmote.test",
        "xn--rmote-ssa.test", "[192.0.2.1]", "[IPv6:2001:db8::1]", "d".repeat(63) + ".test", "d".repeat(64) + ".test",
        String.join(".", List.of("e".repeat(49), "e".repeat(49), "e".repeat(49), "e".repeat(49), "e".repeat(49)))
            + ".test", "remote..test");

    @Test
    void agreesWithJamesOnEveryCombination() {
        List<String> differ = new ArrayList<>();
        for (String localPart : LOCAL_PARTS) {
            for (String domain : DOMAINS) {
                String address = localPart + "@" + domain;
                boolean james = holds(address);
                if (JamesAddressSyntax.canHold(address) != james) {
                    differ.add(address + (james ? " (James holds it)" : " (James refuses it)"));
                }
            }
        }
        assertEquals(List.of(), differ);
    }

    /**
     * James holds an address when its MailAddress takes it, javax.mail can read it back for remote delivery, and its
     * recipient rewrite table can make a user name of the local part (which may hold no @).
     */
    private static boolean holds(String address) {
        try {
            MailAddress held = new MailAddress(address);
            return held.toInternetAddress().isPresent() && !held.getLocalPart().contains("@");
        } catch (AddressException | IllegalArgumentException e) {
            return false;
        }
    }
}
