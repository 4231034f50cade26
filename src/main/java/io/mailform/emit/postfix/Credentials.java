package io.mailform.emit.postfix;

/**
 * A relay's SASL login with its password read from its source, and the YAML nodes of both. The password is
 * never put into a diagnostic.
 */
record Credentials(String nextHop, String username, String password, String usernamePointer,
        String passwordPointer) {
    @Override
    public String toString() {
        return "Credentials[" + nextHop + ", " + username + ", password hidden]";
    }
}
