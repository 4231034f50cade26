package io.mailform.emit.postfix;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Renders this package's Mustache templates (layout only) for Postfix's plain-text files. Values are written
 * verbatim: Mustache's default HTML escaping would turn {@code "} into {@code &quot;}, and every value has passed
 * {@link ValueGuard} before it gets here. A key the template names but the view lacks is a programming error, so it
 * fails instead of rendering as nothing.
 */
final class Templates {
    private static final String ROOT = "io/mailform/emit/postfix/";
    private static final DefaultMustacheFactory FACTORY = new VerbatimFactory();

    private Templates() {
    }

    /** Renders the template resource {@code name} (e.g. {@code main.cf.mustache}) with {@code view}. */
    static String render(String name, Object view) {
        Mustache template = FACTORY.compile(ROOT + name);
        StringWriter out = new StringWriter();
        template.execute(out, view);
        return out.toString();
    }

    private static final class VerbatimFactory extends DefaultMustacheFactory {
        VerbatimFactory() {
            setObjectHandler(new StrictObjectHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class StrictObjectHandler extends ReflectionObjectHandler {
        @Override
        protected MissingWrapper createMissingWrapper(String name, List<Guard> guards) {
            throw new MustacheException("template key \"" + name + "\" is not in the view");
        }
    }
}
