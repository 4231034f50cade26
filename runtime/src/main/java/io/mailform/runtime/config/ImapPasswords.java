package io.mailform.runtime.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IMAP password of every account: the one provisioning.json gives, else a random one chosen at this start.
 * Postfix has no IMAP logins, so a description names a password only when its user wants a fixed one; the others
 * learn theirs from the running system ({@code RunningMailSystem.password}, or {@code --credentials-file}).
 */
public final class ImapPasswords {
    private static final int RANDOM_BYTES = 18;

    private ImapPasswords() {
    }

    /** Account name to password, in provisioning order. */
    public static Map<String, String> of(Provisioning provisioning, SecureRandom random) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (Provisioning.User user : provisioning.users()) {
            passwords.put(user.name(), user.password().orElseGet(() -> randomPassword(random)));
        }
        return Collections.unmodifiableMap(passwords);
    }

    /** 144 random bits as 24 URL-safe Base64 characters: no character a shell, URL or IMAP literal would mind. */
    static String randomPassword(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
