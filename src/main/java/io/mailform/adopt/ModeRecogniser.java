package io.mailform.adopt;

import io.mailform.model.Mode;
import io.mailform.source.SourceFile;
import java.util.Optional;

/**
 * The Debian mode a main.cf was written in. A configuring mode needs what every one of them writes: myhostname,
 * and myorigin = /etc/mailname with a mail name in that file; without them the configuration is imported as mode
 * none, its parameters kept under {@code postfix}. Then, as the installer's postinst decides: default_transport and
 * relay_transport both {@code error} is Local only; otherwise a relayhost is Satellite (loopback-only) or Internet
 * with smarthost; no relayhost is Internet Site.
 */
final class ModeRecogniser {
    static final String MAILNAME_PATH = "/etc/mailname";

    private ModeRecogniser() {
    }

    /** Why a configuring mode was recognised, for the description's header. */
    static String reason(Mode mode) {
        return switch (mode) {
            case LOCAL_ONLY -> "default_transport and relay_transport are error";
            case SATELLITE -> "a relayhost, and inet_interfaces = loopback-only";
            case INTERNET_SMARTHOST -> "a relayhost, and the SMTP server listens beyond loopback";
            case INTERNET_SITE -> "no relayhost, and mail is delivered directly";
            case NONE -> "main.cf lacks what the installer writes in every mode";
        };
    }

    static Mode recognise(Optional<MainCfFile> mainCf, Optional<SourceFile> mailname) {
        if (mainCf.isEmpty() || mainCf.get().value("myhostname").isEmpty()
                || !mainCf.get().value("myorigin").orElse("").equals(MAILNAME_PATH)
                || MailName.of(mailname).isEmpty()) {
            return Mode.NONE;
        }
        MainCfFile file = mainCf.get();
        if (file.value("default_transport").orElse("").equals("error")
                && file.value("relay_transport").orElse("").equals("error")) {
            return Mode.LOCAL_ONLY;
        }
        if (!file.value("relayhost").orElse("").isEmpty()) {
            return file.value("inet_interfaces").orElse("").equals("loopback-only")
                    ? Mode.SATELLITE : Mode.INTERNET_SMARTHOST;
        }
        return Mode.INTERNET_SITE;
    }
}
