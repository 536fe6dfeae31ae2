package dev.petrel.redis;

import java.util.Locale;

/** A memory amount as Redis reads one in its configuration: digits with an optional unit, any case. */
public final class MemoryAmount {
    private static final String[] UNITS = {"gb", "mb", "kb", "g", "m", "k", "b"};
    private static final long[] BYTES = {1L << 30, 1L << 20, 1L << 10, 1_000_000_000L, 1_000_000L, 1_000L, 1L};

    private MemoryAmount() {}

    /** Bytes of {@code text} (k = 1000, kb = 1024, m, mb, g, gb, b), or -1 if it is not a memory amount. */
    public static long parse(String text) {
        String v = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        for (int i = 0; i < UNITS.length; i++) {
            if (v.endsWith(UNITS[i])) {
                unit = BYTES[i];
                v = v.substring(0, v.length() - UNITS[i].length());
                break;
            }
        }
        if (v.isEmpty() || v.length() > 19 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return -1;
        }
        try {
            return Math.multiplyExact(Long.parseLong(v), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }
}
