package io.mailform.emit.james;

import io.mailform.emit.OutputFile;
import io.mailform.model.MailSystem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * provisioning.json: what James 3.8.1's memory server cannot read from XML and the runtime applies at every start
 * (runtime/CONFIG.md): the accounts, the alias mappings, the mailbox quota, the mail name and the recipient
 * delimiter. An account has an IMAP password only when the description names where it comes from (Postfix has none);
 * the runtime gives the others a random one at start. A file with passwords is written with mode 0600. JSON has no
 * comments, so the generated-by line is the value of {@code comment}.
 */
final class ProvisioningFile {
    static final String FILE = "provisioning.json";
    static final int VERSION = 1;

    private ProvisioningFile() {
    }

    static OutputFile of(Header header, MailSystem system, List<ProvisionedUser> accounts, Mailboxes mailboxes) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("version", VERSION);
        root.put("comment", header.firstLine());
        system.mailName().ifPresent(name -> root.put("mailName", name.value()));
        root.put("recipientDelimiter", system.recipientDelimiter());
        ArrayNode users = root.putArray("users");
        for (ProvisionedUser account : accounts) {
            ObjectNode user = users.addObject().put("name", account.name());
            account.password().ifPresent(password -> user.put("password", password));
        }
        ArrayNode aliases = root.putArray("aliases");
        for (ProvisionedAlias alias : mailboxes.aliases()) {
            ObjectNode entry = aliases.addObject();
            entry.put("source", alias.source());
            ArrayNode targets = entry.putArray("targets");
            alias.targets().forEach(targets::add);
        }
        if (!system.mailboxSizeLimit().isUnlimited()) {
            root.putObject("quota").put("maxStorageBytes", system.mailboxSizeLimit().bytes());
        }
        String text = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        boolean secret = accounts.stream().anyMatch(account -> account.password().isPresent());
        return new OutputFile(text.getBytes(StandardCharsets.UTF_8), secret ? OutputFile.SECRET : OutputFile.PUBLIC);
    }
}
