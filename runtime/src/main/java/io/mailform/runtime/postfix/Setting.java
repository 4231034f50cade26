package io.mailform.runtime.postfix;

/** A main.cf parameter the private instance sets differently from the compiled main.cf. */
public record Setting(String parameter, String value, String reason) implements InstanceOverride {
    @Override
    public String file() {
        return "main.cf";
    }

    @Override
    public String change() {
        return assignment();
    }

    /** As {@code postconf -e} takes it. */
    String assignment() {
        return parameter + " = " + value;
    }
}
