package dev.petrel.redis.data.list;

import dev.petrel.redis.data.Longs;
import dev.petrel.redis.resp.Args;

/**
 * The packed entry format of a list node, after Redis's listpack format: each entry is an encoding header, its
 * payload, and its own length written backwards ("backlen"), so a node can be walked in both directions without an
 * index. A string that is a canonical integer is stored as the integer, in as few bytes as it needs.
 *
 * <pre>
 * 0xxxxxxx                    integer 0..127
 * 10xxxxxx + bytes            string of 0..63 bytes
 * 110xxxxx yyyyyyyy           integer -4096..4095 (13 bits)
 * 1110xxxx yyyyyyyy + bytes   string of 64..4095 bytes
 * 0xF0 + 4-byte length + bytes, 0xF1 int16, 0xF2 int24, 0xF3 int32, 0xF4 int64 (little endian)
 * </pre>
 *
 * The backlen holds the size of header and payload in 7-bit groups, lowest group last, each byte but the first one
 * flagged with 0x80, so it is read from the entry's end towards its start.
 */
final class ListPack {
    private ListPack() {}

    /** Header and payload bytes of an integer entry. */
    static int intSize(long v) {
        if (v >= 0 && v <= 127) {
            return 1;
        } else if (v >= -4096 && v <= 4095) {
            return 2;
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return 3;
        } else if (v >= -(1 << 23) && v < (1 << 23)) {
            return 4;
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return 5;
        }
        return 9;
    }

    /** Header and payload bytes of a string entry of {@code len} bytes. */
    static int strSize(int len) {
        return len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
    }

    static int backlenSize(int enc) {
        return enc < 128 ? 1 : enc < 16384 ? 2 : enc < (1 << 21) ? 3 : enc < (1 << 28) ? 4 : 5;
    }

    /** Whole entry size (header, payload, backlen) for argument {@code i}. */
    static int entrySize(Args a, int i) {
        int enc = a.isLong(i) ? intSize(a.longValue(i)) : strSize(a.length(i));
        return enc + backlenSize(enc);
    }

    /** Writes argument {@code i} as an entry at {@code at}; returns its size. */
    static int write(byte[] b, int at, Args a, int i) {
        if (a.isLong(i)) {
            return writeInt(b, at, a.longValue(i));
        }
        int len = a.length(i);
        int h = writeStrHeader(b, at, len);
        a.copyTo(i, b, at + h);
        return h + len + writeBacklen(b, at + h + len, h + len);
    }

    /** {@code v} (a string as a client sent it) encoded as one entry. */
    static byte[] encode(byte[] v) {
        if (Longs.isCanonical(v, 0, v.length)) {
            long x = Longs.parseCanonical(v, 0, v.length);
            int enc = intSize(x);
            byte[] b = new byte[enc + backlenSize(enc)];
            writeInt(b, 0, x);
            return b;
        }
        int enc = strSize(v.length);
        byte[] b = new byte[enc + backlenSize(enc)];
        int h = writeStrHeader(b, 0, v.length);
        System.arraycopy(v, 0, b, h, v.length);
        writeBacklen(b, h + v.length, enc);
        return b;
    }

    /** Argument {@code i} encoded as one entry. */
    static byte[] encode(Args a, int i) {
        byte[] b = new byte[entrySize(a, i)];
        write(b, 0, a, i);
        return b;
    }

    private static int writeInt(byte[] b, int at, long v) {
        int enc = intSize(v);
        switch (enc) {
            case 1 -> b[at] = (byte) v;
            case 2 -> {
                b[at] = (byte) (0xC0 | ((v >> 8) & 0x1F));
                b[at + 1] = (byte) v;
            }
            default -> {
                b[at] = (byte) (enc == 3 ? 0xF1 : enc == 4 ? 0xF2 : enc == 5 ? 0xF3 : 0xF4);
                for (int k = 1; k < enc; k++) {
                    b[at + k] = (byte) (v >> (8 * (k - 1)));
                }
            }
        }
        return enc + writeBacklen(b, at + enc, enc);
    }

    private static int writeStrHeader(byte[] b, int at, int len) {
        if (len < 64) {
            b[at] = (byte) (0x80 | len);
            return 1;
        } else if (len < 4096) {
            b[at] = (byte) (0xE0 | (len >> 8));
            b[at + 1] = (byte) len;
            return 2;
        }
        b[at] = (byte) 0xF0;
        for (int k = 0; k < 4; k++) {
            b[at + 1 + k] = (byte) (len >> (8 * k));
        }
        return 5;
    }

    private static int writeBacklen(byte[] b, int at, int enc) {
        int n = backlenSize(enc);
        for (int k = n - 1; k >= 0; k--) {
            int group = (enc >>> (7 * k)) & 0x7F;
            b[at + n - 1 - k] = (byte) (k < n - 1 ? group | 0x80 : group);
        }
        return n;
    }

    /** Header and payload bytes of the entry at {@code off}. */
    static int encSize(byte[] b, int off) {
        int h = b[off] & 0xFF;
        if (h < 0x80) {
            return 1;
        } else if (h < 0xC0) {
            return 1 + (h & 0x3F);
        } else if (h < 0xE0) {
            return 2;
        } else if (h < 0xF0) {
            return 2 + (((h & 0x0F) << 8) | (b[off + 1] & 0xFF));
        }
        return switch (h) {
            case 0xF0 -> 5 + strLength(b, off);
            case 0xF1 -> 3;
            case 0xF2 -> 4;
            case 0xF3 -> 5;
            default -> 9;
        };
    }

    /** Whole size of the entry at {@code off}. */
    static int size(byte[] b, int off) {
        int enc = encSize(b, off);
        return enc + backlenSize(enc);
    }

    /** Start of the entry that ends at {@code end}. */
    static int prev(byte[] b, int end) {
        int enc = 0;
        int shift = 0;
        int p = end - 1;
        while (true) {
            int x = b[p] & 0xFF;
            enc |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
            shift += 7;
            p--;
        }
        return end - (end - p) - enc;
    }

    static boolean isInt(byte[] b, int off) {
        int h = b[off] & 0xFF;
        return h < 0x80 || (h >= 0xC0 && h < 0xE0) || (h >= 0xF1 && h <= 0xF4);
    }

    static long intValue(byte[] b, int off) {
        int h = b[off] & 0xFF;
        if (h < 0x80) {
            return h;
        } else if (h < 0xE0) {
            int v = ((h & 0x1F) << 8) | (b[off + 1] & 0xFF);
            return (v << 19) >> 19; // sign-extend 13 bits
        }
        int n = h == 0xF1 ? 2 : h == 0xF2 ? 3 : h == 0xF3 ? 4 : 8;
        long v = 0;
        for (int k = 0; k < n; k++) {
            v |= (b[off + 1 + k] & 0xFFL) << (8 * k);
        }
        int unused = 64 - 8 * n;
        return (v << unused) >> unused;
    }

    /** Offset of a string entry's bytes. */
    static int strOffset(byte[] b, int off) {
        int h = b[off] & 0xFF;
        return off + (h < 0xC0 ? 1 : h < 0xF0 ? 2 : 5);
    }

    /** Length of a string entry's bytes. */
    static int strLength(byte[] b, int off) {
        int h = b[off] & 0xFF;
        if (h < 0xC0) {
            return h & 0x3F;
        } else if (h < 0xF0) {
            return ((h & 0x0F) << 8) | (b[off + 1] & 0xFF);
        }
        int len = 0;
        for (int k = 0; k < 4; k++) {
            len |= (b[off + 1 + k] & 0xFF) << (8 * k);
        }
        return len;
    }

    /** The entry at {@code off} as the string a client sees. */
    static byte[] toBytes(byte[] b, int off) {
        if (isInt(b, off)) {
            return Longs.toBytes(intValue(b, off));
        }
        int s = strOffset(b, off);
        return java.util.Arrays.copyOfRange(b, s, s + strLength(b, off));
    }

    /** True if the entry at {@code off} and the encoded entry {@code e} hold the same value. */
    static boolean sameValue(byte[] b, int off, byte[] e) {
        boolean i1 = isInt(b, off);
        if (i1 != isInt(e, 0)) {
            return false;
        }
        if (i1) {
            return intValue(b, off) == intValue(e, 0);
        }
        int len = strLength(b, off);
        if (len != strLength(e, 0)) {
            return false;
        }
        return java.util.Arrays.equals(
                b, strOffset(b, off), strOffset(b, off) + len, e, strOffset(e, 0), strOffset(e, 0) + len);
    }
}
