package io.mailform.runtime.server;

import javax.inject.Inject;

import org.apache.james.protocols.lib.netty.AbstractConfigurableAsyncServer;
import org.apache.james.smtpserver.netty.SMTPServerFactory;
import org.apache.james.utils.GuiceProbe;

/** James's SMTP servers, to stop taking mail while the rest of James goes on delivering what it has. */
public class SmtpIntakeProbe implements GuiceProbe {
    private final SMTPServerFactory servers;

    @Inject
    public SmtpIntakeProbe(SMTPServerFactory servers) {
        this.servers = servers;
    }

    /** Closes every SMTP listener and session; the mailet container and the outgoing queues keep running. */
    public void stopAccepting() {
        servers.getServers().forEach(AbstractConfigurableAsyncServer::unbind);
    }
}
