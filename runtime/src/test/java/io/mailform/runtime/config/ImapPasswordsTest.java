package io.mailform.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ImapPasswordsTest {
    private static Provisioning.User user(String name, Optional<String> password) {
        return new Provisioning.User(name, password, OptionalLong.empty());
    }

    private static Provisioning provisioning(Provisioning.User... users) {
        return new Provisioning(1, Optional.empty(), "", List.of(users), List.of(), Provisioning.Quota.unlimited());
    }

    @Test
    void keepsAGivenPasswordAndChoosesTheOthers() {
        Map<String, String> passwords = ImapPasswords.of(provisioning(
            user("alice", Optional.of("alice's own")), user("bob", Optional.empty()), user("carol", Optional.empty())),
            new SecureRandom());
        assertEquals(List.of("alice", "bob", "carol"), List.copyOf(passwords.keySet()));
        assertEquals("alice's own", passwords.get("alice"));
        assertTrue(passwords.get("bob").matches("[A-Za-z0-9_-]{24}"), passwords.get("bob"));
        assertNotEquals(passwords.get("bob"), passwords.get("carol"));
    }

    @Test
    void choosesAgainAtEveryStart() {
        Provisioning provisioning = provisioning(user("bob", Optional.empty()));
        assertNotEquals(ImapPasswords.of(provisioning, new SecureRandom()).get("bob"),
            ImapPasswords.of(provisioning, new SecureRandom()).get("bob"));
    }
}
