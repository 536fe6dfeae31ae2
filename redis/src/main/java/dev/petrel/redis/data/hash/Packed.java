package dev.petrel.redis.data.hash;

import dev.petrel.redis.resp.Args;

/**
 * The byte layouts of both encodings. A packed hash is one exactly-sized array of pairs in insertion order, each a
 * header, the field and the value. The header is one byte holding both lengths when the field is under 15 bytes and
 * the value under 16 ({@code field length << 4 | value length}), else {@link #LONG} followed by the two lengths as
 * unsigned LEB128 varints. So a small pair costs one byte beside its data, where Redis's listpack spends four.
 *
 * <p>A table entry is one pair as {@code [varint field length][field][value]}, the array's end marking the value's.
 */
final class Packed {
    static final byte[] EMPTY = new byte[0];

    private Packed() {}

    /** The varint at {@code pos}. */
    static int varint(byte[] b, int pos) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[pos++];
            v |= (x & 0x7f) << shift;
            if (x >= 0) {
                return v;
            }
        }
    }

    static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Writes {@code v} at {@code pos}; returns the position after it. */
    static int putVarint(byte[] b, int pos, int v) {
        while ((v & ~0x7f) != 0) {
            b[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        b[pos++] = (byte) v;
        return pos;
    }

    /** The first byte of a pair header that holds no lengths itself: two varints follow. */
    static final int LONG = 0xF0;

    static int headerSize(int fLen, int vLen) {
        return fLen < 15 && vLen < 16 ? 1 : 1 + varintSize(fLen) + varintSize(vLen);
    }

    /** Writes a pair header at {@code pos}; returns the position after it. */
    static int putHeader(byte[] b, int pos, int fLen, int vLen) {
        if (fLen < 15 && vLen < 16) {
            b[pos] = (byte) (fLen << 4 | vLen);
            return pos + 1;
        }
        b[pos] = (byte) LONG;
        return putVarint(b, putVarint(b, pos + 1, fLen), vLen);
    }

    static int fieldLength(byte[] b, int pos) {
        int h = b[pos] & 0xff;
        return h < LONG ? h >>> 4 : varint(b, pos + 1);
    }

    static int valueLength(byte[] b, int pos) {
        int h = b[pos] & 0xff;
        return h < LONG ? h & 15 : varint(b, pos + 1 + varintSize(varint(b, pos + 1)));
    }

    static int fieldOffset(byte[] b, int pos) {
        int h = b[pos] & 0xff;
        if (h < LONG) {
            return pos + 1;
        }
        int fLen = varint(b, pos + 1);
        return pos + 1 + varintSize(fLen) + varintSize(varint(b, pos + 1 + varintSize(fLen)));
    }

    static int valueOffset(byte[] b, int pos) {
        return fieldOffset(b, pos) + fieldLength(b, pos);
    }

    /** The position of the pair after the one at {@code pos}. */
    static int next(byte[] b, int pos) {
        return valueOffset(b, pos) + valueLength(b, pos);
    }

    /** Where a table entry's value starts. */
    static int entryValueOffset(byte[] e) {
        int fLen = varint(e, 0);
        return varintSize(fLen) + fLen;
    }

    /** Pairs in a packed array. */
    static int count(byte[] b) {
        int n = 0;
        for (int pos = 0; pos < b.length; pos = next(b, pos)) {
            n++;
        }
        return n;
    }

    /** The position of the pair whose field is argument {@code i}, or -1. */
    static int find(byte[] b, Args a, int i) {
        for (int pos = 0; pos < b.length; pos = next(b, pos)) {
            if (argEquals(a, i, b, fieldOffset(b, pos), fieldLength(b, pos))) {
                return pos;
            }
        }
        return -1;
    }

    /** The position of the {@code k}th pair (0-based). */
    static int nth(byte[] b, int k) {
        int pos = 0;
        while (k-- > 0) {
            pos = next(b, pos);
        }
        return pos;
    }

    /** Argument {@code i} equals {@code b[off..off+len)}. */
    static boolean argEquals(Args a, int i, byte[] b, int off, int len) {
        if (a.length(i) != len) {
            return false;
        }
        for (int j = 0; j < len; j++) {
            if (a.byteAt(i, j) != b[off + j]) {
                return false;
            }
        }
        return true;
    }
}
