package io.mailform.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeTest {
    @Test
    void readsDecimalAndBinaryUnits() {
        assertEquals(50_000_000L, Size.parse("50MB").orElseThrow().bytes());
        assertEquals(10L << 20, Size.parse("10 MiB").orElseThrow().bytes());
        assertEquals(1024L, Size.parse("1024").orElseThrow().bytes());
        assertEquals(2_000L, Size.parse("2kb").orElseThrow().bytes());
    }

    @Test
    void refusesOverflowAndNonsense() {
        assertTrue(Size.parse("99999999999999999999").isEmpty());
        assertTrue(Size.parse("9000000000 TB").isEmpty());
        assertTrue(Size.parse("lots").isEmpty());
        assertTrue(Size.parse("-1").isEmpty());
    }
}
