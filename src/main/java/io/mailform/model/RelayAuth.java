package io.mailform.model;

/** SASL credentials for a relay. */
public record RelayAuth(String username, SecretSource password) {
}
