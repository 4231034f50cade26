package io.mailform.adopt;

import io.mailform.source.SourceFile;
import java.util.Optional;

/** The mail name in /etc/mailname: its first line, as Postfix and Debian's installer read it. */
final class MailName {
    private MailName() {
    }

    static Optional<String> of(Optional<SourceFile> mailname) {
        return mailname.map(file -> file.lineText(1).strip()).filter(name -> !name.isEmpty());
    }
}
