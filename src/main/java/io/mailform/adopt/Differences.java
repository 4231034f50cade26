package io.mailform.adopt;

import io.mailform.check.OwningKeys;
import io.mailform.diag.Code;
import io.mailform.model.Mode;
import io.mailform.postfix.MainCfParameter;
import java.util.Map;
import java.util.Optional;

/**
 * The host's main.cf against the one its description compiles to, parameter by parameter, values compared as
 * Postfix's list parser splits them: what no key owns is kept under {@code postfix}; what still differs is reported.
 */
final class Differences {
    private Differences() {
    }

    /** Adds the host's parameters that compile writes otherwise and no key owns under postfix, or empty. */
    static Optional<Description> keepUnowned(Description description, MainCfFile mainCf, Mode mode,
            Map<String, String> compiled, ImportLog log) {
        Description result = description;
        boolean added = false;
        for (MainCfSetting setting : mainCf.effective().values()) {
            String name = setting.name();
            if (log.isSettled(name) || same(setting.value(), compiled.get(name)) || ownedByKey(name, mode)
                    || result.hasPostfixParameter(name)) {
                continue;
            }
            boolean baseline = mode != Mode.NONE && MainCfParameter.byName(name)
                    .filter(parameter -> parameter.ownership() == MainCfParameter.Ownership.BASELINE).isPresent();
            String[] comment = baseline ? new String[] {"Debian's installer writes " + name + " = "
                    + compiled.getOrDefault(name, "") + "; this host has its own value."} : new String[0];
            result = result.withPostfixParameter(Member.of(name, YamlValue.Scalar.of(setting.value()),
                    ImportLog.origin(mainCf.source(), setting), comment),
                    "Parameters without a key of their own, kept as main.cf writes them.");
            added = true;
        }
        return added ? Optional.of(result) : Optional.empty();
    }

    /** What still differs after everything has been kept: reported, each once. */
    static void report(MainCfFile mainCf, Map<String, String> compiled, ImportLog log) {
        Map<String, MainCfSetting> host = mainCf.effective();
        for (MainCfSetting setting : host.values()) {
            String name = setting.name();
            if (log.isSettled(name) || same(setting.value(), compiled.get(name))) {
                continue;
            }
            String written = compiled.containsKey(name) ? "writes " + name + " = " + compiled.get(name)
                    : "writes no " + name;
            log.report(Code.IMPORT_NOT_REPRESENTABLE, mainCf, setting, name + " = " + setting.value()
                    + " cannot be described: the description compiles to main.cf that " + written, help(name));
        }
        compiled.forEach((name, value) -> {
            if (!host.containsKey(name) && !log.isSettled(name)) {
                log.report(Code.IMPORT_NOT_REPRESENTABLE, ImportLog.start(mainCf.source(), name),
                        "main.cf does not set " + name + ", but the description compiles to main.cf that writes "
                                + name + " = " + value,
                        "set " + name + " = " + value + " in main.cf if that is what the host is meant to do,"
                                + " and import again");
            }
        });
    }

    private static String help(String name) {
        return MainCfParameter.byName(name).flatMap(OwningKeys::of)
                .map(key -> "mailform writes " + name + " itself, from " + key + ", and no value of " + key
                        + " gives this one: keep the setting by hand after installing, or change the host to what "
                        + key + " can say")
                .orElse("keep this setting by hand");
    }

    private static boolean ownedByKey(String name, Mode mode) {
        return mode != Mode.NONE && MainCfParameter.byName(name)
                .filter(parameter -> parameter.ownership() == MainCfParameter.Ownership.KEY).isPresent();
    }

    /** Values compared as Postfix reads lists: the same tokens in the same order. */
    private static boolean same(String host, String compiled) {
        return compiled != null && Tokens.of(host).equals(Tokens.of(compiled));
    }

}
