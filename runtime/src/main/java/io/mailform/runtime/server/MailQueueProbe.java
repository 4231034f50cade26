package io.mailform.runtime.server;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.mailetcontainer.impl.JamesMailSpooler;
import org.apache.james.queue.api.MailQueue.MailQueueException;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.james.utils.GuiceProbe;

/**
 * How much mail James still has to handle: every message in its memory mail queues (the spool that SMTP feeds, and
 * each RemoteDelivery's outgoing queue, retries waiting for their time included), and every message the spooler is
 * running through the mailet container.
 */
public class MailQueueProbe implements GuiceProbe {
    private final MemoryMailQueueFactory queues;
    private final JamesMailSpooler spooler;

    @Inject
    public MailQueueProbe(MemoryMailQueueFactory queues, JamesMailSpooler spooler) {
        this.queues = queues;
        this.spooler = spooler;
    }

    /**
     * The messages waiting in a queue or being processed. A memory queue counts a message from enqueueing until its
     * consumer reports it done, so a message that RemoteDelivery is sending right now is counted too.
     */
    public long pending() throws MailQueueException {
        long pending = spooler.getCurrentSpoolCount();
        for (MailQueueName name : queues.listCreatedMailQueues()) {
            Optional<? extends ManageableMailQueue> queue = queues.getQueue(name);
            if (queue.isPresent()) {
                pending += queue.get().getSize();
            }
        }
        return pending;
    }

    /** Every message waiting for a retry in any queue is made due now. */
    public void flush() throws MailQueueException {
        for (MailQueueName name : queues.listCreatedMailQueues()) {
            Optional<? extends ManageableMailQueue> queue = queues.getQueue(name);
            if (queue.isPresent()) {
                queue.get().flush();
            }
        }
    }
}
