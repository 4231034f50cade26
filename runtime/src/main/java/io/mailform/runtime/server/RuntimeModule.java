package io.mailform.runtime.server;

import org.apache.james.utils.GuiceProbe;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import io.mailform.runtime.address.MailSettings;

/**
 * What the runtime adds to James's injector: the address settings its handlers and mailets read, and its probes
 * (provisioning at start, the queues for {@link RunningMailSystem#idle()}, the INBOX counts for
 * {@link RunningMailSystem#mailboxCounts()}).
 */
final class RuntimeModule extends AbstractModule {
    private final MailSettings settings;

    RuntimeModule(MailSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(MailSettings.class).toInstance(settings);
        Multibinder<GuiceProbe> probes = Multibinder.newSetBinder(binder(), GuiceProbe.class);
        probes.addBinding().to(ProvisioningProbe.class);
        probes.addBinding().to(MailQueueProbe.class);
        probes.addBinding().to(SmtpIntakeProbe.class);
        probes.addBinding().to(InboxProbe.class);
    }
}
