package io.mailform.emit;

import java.util.Arrays;

/** One generated file: its bytes and its permission bits (0644, or 0600 for secrets). */
public record OutputFile(byte[] content, int mode) {
    public static final int PUBLIC = 0644;
    public static final int SECRET = 0600;
    public static final int EXECUTABLE = 0755;

    public OutputFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputFile that && mode == that.mode && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(content) + mode;
    }
}
