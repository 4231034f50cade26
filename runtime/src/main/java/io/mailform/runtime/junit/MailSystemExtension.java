package io.mailform.runtime.junit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.server.MailSystemRuntime;
import io.mailform.runtime.server.RunningMailSystem;
import io.mailform.runtime.server.RuntimeOptions;

/** The extension behind {@link MailSystem}: one server per test class, stopped when the class is done. */
public final class MailSystemExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MailSystemExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        MailSystem annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), MailSystem.class)
            .orElseThrow(() -> new ExtensionConfigurationException("@MailSystem(\"DIR\") is missing on "
                + context.getRequiredTestClass().getName()));
        Path system = locate(annotation.value(), context.getRequiredTestClass());
        RunningMailSystem running;
        try {
            running = MailSystemRuntime.start(RuntimeOptions.sandboxed(system));
        } catch (StartupException e) {
            throw new ExtensionConfigurationException("@MailSystem(\"" + annotation.value() + "\"): "
                + e.getMessage(), e);
        }
        context.getStore(NAMESPACE).put(RunningMailSystem.class, new Stopper(running));
    }

    private static Path locate(String value, Class<?> testClass) throws URISyntaxException {
        URL resource = testClass.getClassLoader().getResource(value);
        if (resource != null && resource.getProtocol().equals("file")) {
            return Path.of(resource.toURI());
        }
        Path path = Path.of(value);
        if (Files.exists(path)) {
            return path;
        }
        throw new ExtensionConfigurationException("@MailSystem(\"" + value + "\"): neither on the class path "
            + "nor relative to " + Path.of("").toAbsolutePath()
            + "; give a YAML description or the directory that `mailform compile -o DIR` wrote");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningMailSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Stopper stopper = context.getStore(NAMESPACE).get(RunningMailSystem.class, Stopper.class);
        if (stopper == null) {
            throw new ExtensionConfigurationException("the mail system is not started: annotate the class with "
                + "@MailSystem instead of registering the extension on a method");
        }
        return stopper.system();
    }

    /** Stops the server when JUnit closes the class-level store. */
    private record Stopper(RunningMailSystem system) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            system.close();
        }
    }
}
