package io.mailform.runtime.fuzz;

import java.nio.charset.StandardCharsets;

/** Bytes as a person reads them in a report: UTF-8 where they are, each other byte and each control as \xNN. */
final class Printable {
    private Printable() {
    }

    static String of(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        int position = 0;
        while (position < bytes.length) {
            int b = bytes[position] & 0xff;
            int length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3
                : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
            if (length == 1 && b >= 0x20 && b != 0x7f) {
                text.append((char) b);
            } else if (length > 1 && isSequence(bytes, position, length)) {
                text.append(new String(bytes, position, length, StandardCharsets.UTF_8));
                position += length - 1;
            } else {
                text.append(String.format("\\x%02X", b));
            }
            position++;
        }
        return text.toString();
    }

    /** A lead byte followed by enough continuation bytes; overlong and surrogate forms decode to U+FFFD and show so. */
    private static boolean isSequence(byte[] bytes, int start, int length) {
        if (start + length > bytes.length) {
            return false;
        }
        for (int i = start + 1; i < start + length; i++) {
            if ((bytes[i] & 0xc0) != 0x80) {
                return false;
            }
        }
        return true;
    }
}
