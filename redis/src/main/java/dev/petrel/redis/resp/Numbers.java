package dev.petrel.redis.resp;

import java.nio.ByteBuffer;

/** Redis's strict integer syntax over bytes: an optional '-', then "0" or digits without a leading zero; no '+'. */
final class Numbers {
    private Numbers() {}

    static boolean isLong(ByteBuffer b, int off, int len) {
        return parse(b, off, len) != Long.MIN_VALUE || isMinLong(b, off, len);
    }

    /** The value, or {@code Long.MIN_VALUE} when it is not a strict long (check {@link #isLong} to tell them apart). */
    static long parseLong(ByteBuffer b, int off, int len) {
        return parse(b, off, len);
    }

    private static boolean isMinLong(ByteBuffer b, int off, int len) {
        String min = "-9223372036854775808";
        if (len != min.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b.get(off + i) != min.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long parse(ByteBuffer b, int off, int len) {
        if (len == 0 || len > 20) {
            return Long.MIN_VALUE;
        }
        if (len == 1 && b.get(off) == '0') {
            return 0;
        }
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (b.get(i) == '-') {
            negative = true;
            if (++i == end) {
                return Long.MIN_VALUE;
            }
        }
        int first = b.get(i);
        if (first < '1' || first > '9') {
            return Long.MIN_VALUE;
        }
        long v = 0; // accumulated negatively so that Long.MIN_VALUE fits
        for (; i < end; i++) {
            int d = b.get(i) - '0';
            if (d < 0 || d > 9) {
                return Long.MIN_VALUE;
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                return Long.MIN_VALUE;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return Long.MIN_VALUE;
            }
            return -v;
        }
        return v;
    }
}
