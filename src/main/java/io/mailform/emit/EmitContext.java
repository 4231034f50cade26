package io.mailform.emit;

import io.mailform.yaml.SourceMap;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an emitter may know beyond the model: where the description lives (relative password files are read
 * from there), the environment (for password variables), and positions for its diagnostics.
 */
public record EmitContext(String sourceName, Path baseDirectory, Map<String, String> environment,
        SourceMap sourceMap) {
    public EmitContext {
        environment = Map.copyOf(environment);
    }
}
