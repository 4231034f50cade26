package io.mailform.emit.james;

import io.mailform.diag.Code;
import io.mailform.yaml.Findings;
import java.util.OptionalInt;

/** Values from the description that go into XML unchanged, checked for what XML 1.0 cannot hold at all. */
final class XmlValues {
    private XmlValues() {
    }

    /** True if {@code value} can be written; else reports {@link Code#VALUE_UNSAFE} at {@code pointer}. */
    static boolean check(String value, String what, String pointer, Findings findings) {
        OptionalInt invalid = XmlEscaper.firstInvalid(value);
        if (invalid.isEmpty()) {
            return true;
        }
        // The value may be a password: name the character, never the value.
        findings.atValue(Code.VALUE_UNSAFE, pointer,
                what + " contains " + String.format("U+%04X", invalid.getAsInt())
                        + ", a control character that an XML file cannot hold, so James could not read it",
                "remove the control character from " + what);
        return false;
    }
}
