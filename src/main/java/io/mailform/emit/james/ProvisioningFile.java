package io.mailform.emit.james;

import io.mailform.emit.OutputFile;
import io.mailform.model.MailSystem;
import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Written straight to bytes by a generator: for a large alias table the file is several times the description,
     * and a JSON tree, then a string, then its bytes held it three times over.
     */
    static OutputFile of(Header header, MailSystem system, List<ProvisionedUser> accounts, Mailboxes mailboxes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + 64 * mailboxes.aliases().size());
        try (JsonGenerator json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeName("version");
            json.writeNumber(VERSION);
            json.writeName("comment");
            json.writeString(header.firstLine());
            if (system.mailName().isPresent()) {
                json.writeName("mailName");
                json.writeString(system.mailName().get().value());
            }
            json.writeName("recipientDelimiter");
            json.writeString(system.recipientDelimiter());
            json.writeName("users");
            json.writeStartArray();
            for (ProvisionedUser account : accounts) {
                json.writeStartObject();
                json.writeName("name");
                json.writeString(account.name());
                if (account.password().isPresent()) {
                    json.writeName("password");
                    json.writeString(account.password().get());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("aliases");
            json.writeStartArray();
            for (ProvisionedAlias alias : mailboxes.aliases()) {
                json.writeStartObject();
                json.writeName("source");
                json.writeString(alias.source());
                json.writeName("targets");
                json.writeStartArray();
                for (String target : alias.targets()) {
                    json.writeString(target);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            if (!system.mailboxSizeLimit().isUnlimited()) {
                json.writeName("quota");
                json.writeStartObject();
                json.writeName("maxStorageBytes");
                json.writeNumber(system.mailboxSizeLimit().bytes());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        bytes.write('\n');
        boolean secret = accounts.stream().anyMatch(account -> account.password().isPresent());
        return new OutputFile(bytes.toByteArray(), secret ? OutputFile.SECRET : OutputFile.PUBLIC);
    }
}
