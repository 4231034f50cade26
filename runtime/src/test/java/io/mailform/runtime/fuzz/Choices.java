package io.mailform.runtime.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * The fuzzer's bytes read as choices, laid out as libFuzzer's FuzzedDataProvider lays them out: each choice is one
 * byte taken from the end of the input, free text comes from its front. A mutated byte thus changes one choice (or
 * one character) and leaves the rest, so that coverage guidance and mutation work on the grammar's decisions; an
 * exhausted input chooses 0, the plainest option. Unlike Jazzer's own provider, it needs no agent, so that a kept
 * input can be decoded anywhere, and a known sequence of choices can be written as an input ({@link #encode}).
 */
final class Choices {
    private final byte[] input;
    private int front;
    private int end;

    Choices(byte[] input) {
        this.input = input.clone();
        this.end = input.length;
    }

    /** A number from 0 to {@code options - 1}, from one byte; {@code options} is at most 256. */
    int choose(int options) {
        if (options > 256) {
            throw new IllegalArgumentException("one byte chooses among 256 options at most, not " + options);
        }
        if (options <= 1 || end <= front) {
            return 0;
        }
        return (input[--end] & 0xff) % options;
    }

    /**
     * ASCII text of at most {@code maxLength} characters from the front: a backslash followed by another is one
     * backslash, followed by anything else it ends the text (FuzzedDataProvider's consumeAsciiString).
     */
    String text(int maxLength) {
        StringBuilder text = new StringBuilder();
        while (text.length() < maxLength && front < end) {
            char c = (char) (input[front++] & 0x7f);
            if (c == '\\' && front < end) {
                char next = (char) (input[front++] & 0x7f);
                if (next != '\\') {
                    break;
                }
            }
            text.append(c);
        }
        return text.toString();
    }

    /**
     * {@code input} behind a front of filler text, {@code length} bytes in all: choices are taken from the end, so the
     * probe stays the same, while free text has something to read and the fuzzer's mutations room to grow into (it
     * grows inputs only slowly beyond the longest it was given).
     */
    static byte[] withRoom(byte[] input, int length) {
        byte[] filler = "postmaster@example.org, \"a b\"@[127.0.0.1] ".getBytes(StandardCharsets.US_ASCII);
        byte[] padded = new byte[Math.max(length, input.length)];
        int front = padded.length - input.length;
        for (int i = 0; i < front; i++) {
            padded[i] = filler[i % filler.length];
        }
        System.arraycopy(input, 0, padded, front, input.length);
        return padded;
    }

    /** The input whose choices are {@code values}, in the order they are taken. */
    static byte[] encode(int... values) {
        byte[] input = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 255) {
                throw new IllegalArgumentException("a choice is one byte: " + values[i]);
            }
            input[values.length - 1 - i] = (byte) values[i];
        }
        return input;
    }
}
