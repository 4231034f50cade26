package io.mailform.runtime.server;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.mailbox.store.mail.NaiveThreadIdGuessingAlgorithm;
import org.apache.james.mailbox.store.mail.ThreadIdGuessingAlgorithm;
import org.apache.james.modules.BlobMemoryModule;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.RunArgumentsModule;
import org.apache.james.modules.data.MemoryDataModule;
import org.apache.james.modules.data.MemoryDelegationStoreModule;
import org.apache.james.modules.data.MemoryUsersRepositoryModule;
import org.apache.james.modules.eventstore.MemoryEventStoreModule;
import org.apache.james.modules.mailbox.MemoryMailboxModule;
import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.queue.memory.MemoryMailQueueModule;
import org.apache.james.modules.server.MailRepositoryTaskSerializationModule;
import org.apache.james.modules.server.MailetContainerModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.rrt.memory.MemoryRecipientRewriteTable;

import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.util.Modules;

import io.mailform.runtime.address.MailSettings;

/**
 * The James memory server as the runtime assembles it: the in-memory data, mailbox and queue modules with SMTP and
 * IMAP only. POP3, LMTP, ManageSieve, JMAP, webadmin and JMX are not in the injector at all, so no configuration can
 * open their ports.
 */
final class JamesAssembly {
    /**
     * JavaMail, by which James sends mail on, logs through java.util.logging, whose default handler writes INFO to
     * standard error: with addresses sent as UTF-8 it says so at every connection. Only its warnings are worth a line.
     * Held here, as java.util.logging keeps loggers weakly.
     */
    private static final Logger JAVAMAIL = Logger.getLogger("com.sun.mail");

    static {
        JAVAMAIL.setLevel(Level.WARNING);
    }

    private JamesAssembly() {
    }

    static GuiceJamesServer create(Path workingDirectory, MailSettings settings) {
        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
            .workingDirectory(workingDirectory.toFile())
            .build();
        Module memoryServer = Modules.combine(
            new MailetProcessingModule(),
            new MemoryDelegationStoreModule(),
            new BlobMemoryModule(),
            new MailboxModule(),
            new MemoryDataModule(),
            new MemoryEventStoreModule(),
            new MemoryMailboxModule(),
            new MemoryMailQueueModule(),
            new TaskManagerModule(),
            new MailRepositoryTaskSerializationModule(),
            new RawPostDequeueDecoratorModule(),
            // Without a mailetcontainer.xml James would fall back to these; the contract requires the file.
            binder -> binder.bind(MailetContainerModule.DefaultProcessorsConfigurationSupplier.class)
                .toInstance(BaseHierarchicalConfiguration::new));
        Module protocols = Modules.combine(
            new ProtocolHandlerModule(),
            new SMTPServerModule(),
            new IMAPServerModule());
        return GuiceJamesServer.forConfiguration(configuration)
            .combineWith(memoryServer, protocols, new RuntimeModule(settings))
            .combineWith(new UsersRepositoryModuleChooser(new MemoryUsersRepositoryModule())
                .chooseModules(configuration.getUsersRepositoryImplementation()))
            .overrideWith(RunArgumentsModule.EMPTY)
            // MemoryDataModule's table scans every mapping at each lookup; this one is indexed by source.
            .overrideWith(binder -> binder.bind(MemoryRecipientRewriteTable.class).to(IndexedRecipientRewriteTable.class)
                .in(Scopes.SINGLETON))
            // Each message stored searched the whole mailbox (parsing the headers of every message in it) for others of
            // its conversation: delivery slowed down as the mailbox filled, 2,000 messages took 20 s. The thread ids
            // serve JMAP only, which the runtime does not load; every message is a thread of its own.
            .overrideWith(binder -> binder.bind(ThreadIdGuessingAlgorithm.class).to(NaiveThreadIdGuessingAlgorithm.class));
    }
}
