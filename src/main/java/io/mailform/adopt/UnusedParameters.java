package io.mailform.adopt;

import io.mailform.diag.Code;
import io.mailform.postfix.KnownParameters;
import io.mailform.postfix.MacroReferences;
import java.util.Map;

/** Parameters Postfix ignores: names it does not know that no other parameter refers to. */
final class UnusedParameters {
    private UnusedParameters() {
    }

    /** Parameters Postfix ignores: unknown names no other parameter refers to. postconf -n leaves them out too. */
    static void report(MainCfFile file, ImportLog log) {
        Map<String, MainCfSetting> effective = file.effective();
        for (MainCfSetting setting : effective.values()) {
            if (KnownParameters.contains(setting.name())) {
                continue;
            }
            boolean referenced = effective.values().stream().filter(other -> other != setting)
                    .anyMatch(other -> MacroReferences.of(other.value()).names().contains(setting.name()));
            if (!referenced) {
                log.report(Code.IMPORT_UNUSED_PARAMETER, file, setting, "\"" + setting.name()
                        + "\" is not a Postfix parameter and nothing refers to it: Postfix ignores it, and so does import",
                        "remove it from main.cf, or correct its name");
            }
        }
    }

}
