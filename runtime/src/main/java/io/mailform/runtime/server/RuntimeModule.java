package io.mailform.runtime.server;

import org.apache.james.utils.GuiceProbe;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import io.mailform.runtime.address.MailSettings;

/** What the runtime adds to James's injector: the address settings its handlers and mailets read, and its probe. */
final class RuntimeModule extends AbstractModule {
    private final MailSettings settings;

    RuntimeModule(MailSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(MailSettings.class).toInstance(settings);
        Multibinder.newSetBinder(binder(), GuiceProbe.class).addBinding().to(ProvisioningProbe.class);
    }
}
