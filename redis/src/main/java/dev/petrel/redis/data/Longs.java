package dev.petrel.redis.data;

/** Redis's strict integer syntax over byte arrays (the record side of {@code resp.Args#isLong}). */
public final class Longs {
    private Longs() {}

    /** True if {@code b[off..off+len)} is a long written as Redis writes it: no '+', no leading zeros, no "-0". */
    public static boolean isCanonical(byte[] b, int off, int len) {
        return parse(b, off, len, null);
    }

    /** Parses a strict long into {@code out[0]}; false if it is not one. */
    public static boolean parse(byte[] b, int off, int len, long[] out) {
        if (len == 0 || len > 20) {
            return false;
        }
        if (len == 1 && b[off] == '0') {
            if (out != null) {
                out[0] = 0;
            }
            return true;
        }
        int i = off;
        int end = off + len;
        boolean negative = b[i] == '-';
        if (negative && ++i == end) {
            return false;
        }
        if (b[i] < '1' || b[i] > '9') {
            return false;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || v < (Long.MIN_VALUE + d) / 10) {
                return false;
            }
            v = v * 10 - d;
        }
        if (!negative && v == Long.MIN_VALUE) {
            return false;
        }
        if (out != null) {
            out[0] = negative ? v : -v;
        }
        return true;
    }

    /** The value of {@code b[off..off+len)}, which {@link #isCanonical} has accepted. */
    public static long parseCanonical(byte[] b, int off, int len) {
        int i = off;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long v = 0; // accumulated negatively so that Long.MIN_VALUE fits
        for (; i < off + len; i++) {
            v = v * 10 - (b[i] - '0');
        }
        return negative ? v : -v;
    }

    /** How many characters {@code v} takes in decimal, the sign included. */
    public static int stringSize(long v) {
        if (v == Long.MIN_VALUE) {
            return 20;
        }
        int n = v < 0 ? 2 : 1;
        for (long t = Math.abs(v); t >= 10; t /= 10) {
            n++;
        }
        return n;
    }

    /** Writes the {@code size} ({@link #stringSize}) decimal characters of {@code v} at {@code b[off]}. */
    public static void write(byte[] b, int off, int size, long v) {
        int i = off + size - 1;
        if (v < 0) {
            b[off] = '-';
        } else {
            v = -v; // work with negatives so that Long.MIN_VALUE fits
        }
        do {
            b[i--] = (byte) ('0' - (v % 10));
            v /= 10;
        } while (v != 0);
    }

    /** The decimal digits of {@code v}. */
    public static byte[] toBytes(long v) {
        return Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
