package io.mailform.runtime.postfix;

import java.util.List;

/** What a private instance changes in Debian's master.cf, which it runs beside the compiled main.cf. */
final class MasterCfChanges {
    private MasterCfChanges() {
    }

    static List<ServiceChange> of(int smtpPort) {
        String listener = "127.0.0.1:" + smtpPort;
        String service = listener + "/inet = " + listener + " inet n - n - - smtpd";
        return List.of(
            new ServiceChange("smtp/inet removed", List.of("-MX", "smtp/inet"),
                "never listen on this host's port 25 or on any address but loopback"),
            new ServiceChange(service, List.of("-M", service),
                "the instance's SMTP listener: smtpd on 127.0.0.1 only, on a free port or the one asked for"),
            new ServiceChange("chroot = n for every service", List.of("-F", "*/*/chroot = n"),
                "Debian runs most services chrooted in the queue directory, into which its start script copies "
                    + "/etc/hosts, /etc/services, resolv.conf and libraries; a private queue has none of them"));
    }
}
