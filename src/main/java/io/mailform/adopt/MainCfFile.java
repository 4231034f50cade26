package io.mailform.adopt;

import io.mailform.diag.Diagnostic;
import io.mailform.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A main.cf as read: its settings in file order, and what could not be read. */
record MainCfFile(SourceFile source, List<MainCfSetting> settings, List<Diagnostic> diagnostics) {
    MainCfFile {
        settings = List.copyOf(settings);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Each name once, with the value in force: Postfix takes the last of repeated settings. */
    Map<String, MainCfSetting> effective() {
        Map<String, MainCfSetting> effective = new LinkedHashMap<>();
        for (MainCfSetting setting : settings) {
            effective.remove(setting.name());
            effective.put(setting.name(), setting);
        }
        return effective;
    }

    Optional<MainCfSetting> get(String name) {
        return Optional.ofNullable(effective().get(name));
    }

    Optional<String> value(String name) {
        return get(name).map(MainCfSetting::value);
    }
}
