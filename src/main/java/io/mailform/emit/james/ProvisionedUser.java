package io.mailform.emit.james;

import java.util.Optional;

/** An account of provisioning.json with its IMAP password, when the description names one. */
record ProvisionedUser(String name, Optional<String> password) {
    @Override
    public String toString() {
        return "ProvisionedUser[" + name + (password.isPresent() ? ", password hidden]" : "]");
    }
}
