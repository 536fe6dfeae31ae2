package dev.petrel.redis.data.set;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Redis's intset over one {@code byte[]}: the first byte is the width of every entry (2, 4 or 8 bytes), then the
 * entries in ascending order, little-endian. The width is the smallest that holds every entry; an entry that does not
 * fit widens them all, and nothing narrows them again, as in Redis. An array is never changed in place (each change
 * makes a new one, as Redis reallocates), so arrays may be shared between copies.
 */
final class IntSet {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static final byte[] EMPTY = {2};

    private IntSet() {}

    static int size(byte[] s) {
        return (s.length - 1) / s[0];
    }

    static long get(byte[] s, int i) {
        int w = s[0];
        int off = 1 + i * w;
        if (w == 2) {
            return (short) SHORT.get(s, off);
        }
        return w == 4 ? (int) INT.get(s, off) : (long) LONG.get(s, off);
    }

    private static void put(byte[] s, int i, long v) {
        int w = s[0];
        int off = 1 + i * w;
        if (w == 2) {
            SHORT.set(s, off, (short) v);
        } else if (w == 4) {
            INT.set(s, off, (int) v);
        } else {
            LONG.set(s, off, v);
        }
    }

    /** The index of {@code v}, or {@code -(insertion point) - 1}. */
    static int search(byte[] s, long v) {
        int lo = 0;
        int hi = size(s) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long m = get(s, mid);
            if (m < v) {
                lo = mid + 1;
            } else if (m > v) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    static int widthFor(long v) {
        if (v == (short) v) {
            return 2;
        }
        return v == (int) v ? 4 : 8;
    }

    /** A new intset with {@code v} (not yet present) inserted at {@code index}, widening the entries if needed. */
    static byte[] insert(byte[] s, int index, long v) {
        int n = size(s);
        int w = Math.max(s[0], widthFor(v));
        byte[] out = new byte[1 + (n + 1) * w];
        out[0] = (byte) w;
        if (w == s[0]) {
            System.arraycopy(s, 1, out, 1, index * w);
            System.arraycopy(s, 1 + index * w, out, 1 + (index + 1) * w, (n - index) * w);
        } else {
            for (int i = 0; i < n; i++) {
                put(out, i < index ? i : i + 1, get(s, i));
            }
        }
        put(out, index, v);
        return out;
    }

    /** A new intset without the entry at {@code index}. */
    static byte[] remove(byte[] s, int index) {
        int w = s[0];
        byte[] out = new byte[s.length - w];
        out[0] = (byte) w;
        System.arraycopy(s, 1, out, 1, index * w);
        System.arraycopy(s, 1 + (index + 1) * w, out, 1 + index * w, s.length - 1 - (index + 1) * w);
        return out;
    }
}
