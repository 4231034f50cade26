package io.mailform.runtime.server;

import javax.inject.Inject;

import org.apache.james.protocols.lib.netty.AbstractConfigurableAsyncServer;
import org.apache.james.smtpserver.netty.SMTPServerFactory;
import org.apache.james.utils.GuiceProbe;

import io.mailform.runtime.smtp.SmtpIntake;

/** James's SMTP servers, to stop taking mail while the rest of James goes on delivering what it has. */
public class SmtpIntakeProbe implements GuiceProbe {
    private final SMTPServerFactory servers;
    private final SmtpIntake intake;

    @Inject
    public SmtpIntakeProbe(SMTPServerFactory servers, SmtpIntake intake) {
        this.servers = servers;
        this.intake = intake;
    }

    /**
     * Queues no more messages, waits for those being queued, then closes every SMTP listener and session; the mailet
     * container and the outgoing queues keep running. A session that ended its DATA in between may have been told 250
     * or not: its message is in the spool either way.
     */
    public void stopAccepting() throws InterruptedException {
        intake.close();
        servers.getServers().forEach(AbstractConfigurableAsyncServer::unbind);
    }
}
