package dev.petrel.redis.data;

import dev.petrel.redis.resp.Args;
import java.util.Arrays;

/**
 * A string key and its value in one {@code byte[]}, so that a small string key costs one object: for
 * {@code key:0000001} with an 8-byte value, 48 bytes with the array header, where a map entry, a key object and a
 * value object would cost several times that.
 *
 * <pre>
 * [0]      header: bits 0-1 encoding (int, embstr, raw), bit 2 has an expiry
 * [1..3]   LRU clock, seconds, 24 bits (OBJECT IDLETIME)
 * [4..11]  expiry, unix milliseconds — present only when bit 2 is set
 * varint   key length, then the key, then the value (to the end)
 * </pre>
 */
public final class StringRecord {
    public static final int ENC_INT = 0;
    public static final int ENC_EMBSTR = 1;
    public static final int ENC_RAW = 2;
    /** Redis stores strings up to this length embedded in their object ("embstr"). */
    public static final int EMBSTR_MAX = 44;

    private static final int HAS_EXPIRY = 4;

    private StringRecord() {}

    /** A record for {@code key} and {@code value[vOff..vOff+vLen)} with the encoding Redis would choose for it. */
    public static byte[] create(byte[] key, byte[] value, int vOff, int vLen, long expireAt, int lru) {
        int enc = encodingFor(value, vOff, vLen);
        return build(key, 0, key.length, value, vOff, vLen, enc, expireAt, lru);
    }

    /** A record with the given encoding ({@link #ENC_RAW} for values made by APPEND, SETRANGE, SETBIT...). */
    public static byte[] build(
            byte[] key, int kOff, int kLen, byte[] value, int vOff, int vLen, int enc, long expireAt, int lru) {
        byte[] r = allocate(key, kOff, kLen, vLen, enc, expireAt, lru);
        System.arraycopy(value, vOff, r, r.length - vLen, vLen);
        return r;
    }

    /** A record whose value is argument {@code valueArg} of a request, copied once, with Redis's encoding. */
    public static byte[] buildFromArg(byte[] key, int kOff, int kLen, Args a, int valueArg, long expireAt, int lru) {
        int vLen = a.length(valueArg);
        byte[] r = allocate(key, kOff, kLen, vLen, ENC_RAW, expireAt, lru);
        int vOff = r.length - vLen;
        a.copyTo(valueArg, r, vOff);
        setEncoding(r, encodingFor(r, vOff, vLen));
        return r;
    }

    /**
     * A record for key argument {@code keyArg} of a request with room for a {@code vLen}-byte value (zeros), which the
     * caller writes at {@link #valueOffset}: the key is copied once, straight from the request.
     */
    public static byte[] allocateForArg(Args a, int keyArg, int vLen, int enc, long expireAt, int lru) {
        int kLen = a.length(keyArg);
        byte[] r = new byte[headerSize(kLen, expireAt) + kLen + vLen];
        a.copyTo(keyArg, r, writeHeader(r, kLen, enc, expireAt, lru));
        return r;
    }

    /**
     * The key of {@code r}, with its expiry and LRU clock, and a value of {@code vLen} bytes of encoding {@code enc}:
     * the first bytes of the old value (up to {@code keep}) are kept, the rest are zeros. For values that grow or are
     * rewritten (APPEND, SETRANGE, SETBIT, INCR).
     */
    public static byte[] resize(byte[] r, int vLen, int keep, int enc) {
        int kOff = keyOffset(r);
        int kLen = keyLength(r);
        byte[] n = allocate(r, kOff, kLen, vLen, enc, expireAt(r), lru(r));
        int copy = Math.min(Math.min(keep, vLen), r.length - kOff - kLen);
        System.arraycopy(r, kOff + kLen, n, n.length - vLen, copy);
        return n;
    }

    /** A record with its header and key written and room for a {@code vLen}-byte value at the end. */
    private static byte[] allocate(byte[] key, int kOff, int kLen, int vLen, int enc, long expireAt, int lru) {
        byte[] r = new byte[headerSize(kLen, expireAt) + kLen + vLen];
        System.arraycopy(key, kOff, r, writeHeader(r, kLen, enc, expireAt, lru), kLen);
        return r;
    }

    private static int headerSize(int kLen, long expireAt) {
        return 4 + (expireAt >= 0 ? 8 : 0) + varintSize(kLen);
    }

    /** Writes the header and the key length; returns where the key goes. */
    private static int writeHeader(byte[] r, int kLen, int enc, long expireAt, int lru) {
        boolean exp = expireAt >= 0;
        r[0] = (byte) (enc | (exp ? HAS_EXPIRY : 0));
        setLru(r, lru);
        if (exp) {
            putLong(r, 4, expireAt);
        }
        return putVarint(r, exp ? 12 : 4, kLen);
    }

    public static void setEncoding(byte[] r, int enc) {
        r[0] = (byte) ((r[0] & ~3) | enc);
    }

    /** Redis's choice: "int" for a canonical long of at most 20 characters, else embstr up to 44 bytes, else raw. */
    public static int encodingFor(byte[] v, int off, int len) {
        if (len <= 20 && len > 0 && Longs.isCanonical(v, off, len)) {
            return ENC_INT;
        }
        return len <= EMBSTR_MAX ? ENC_EMBSTR : ENC_RAW;
    }

    public static int encoding(byte[] r) {
        return r[0] & 3;
    }

    public static String encodingName(byte[] r) {
        return switch (encoding(r)) {
            case ENC_INT -> "int";
            case ENC_EMBSTR -> "embstr";
            default -> "raw";
        };
    }

    public static boolean hasExpiry(byte[] r) {
        return (r[0] & HAS_EXPIRY) != 0;
    }

    /** The expiry in unix milliseconds, or -1. */
    public static long expireAt(byte[] r) {
        return hasExpiry(r) ? getLong(r, 4) : -1;
    }

    public static int lru(byte[] r) {
        return (r[1] & 0xff) << 16 | (r[2] & 0xff) << 8 | (r[3] & 0xff);
    }

    public static void setLru(byte[] r, int lru) {
        r[1] = (byte) (lru >>> 16);
        r[2] = (byte) (lru >>> 8);
        r[3] = (byte) lru;
    }

    public static int keyOffset(byte[] r) {
        int p = hasExpiry(r) ? 12 : 4;
        return p + varintSize(keyLength(r));
    }

    public static int keyLength(byte[] r) {
        int p = hasExpiry(r) ? 12 : 4;
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = r[p++];
            v |= (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    public static byte[] key(byte[] r) {
        int off = keyOffset(r);
        return Arrays.copyOfRange(r, off, off + keyLength(r));
    }

    public static int valueOffset(byte[] r) {
        return keyOffset(r) + keyLength(r);
    }

    public static int valueLength(byte[] r) {
        return r.length - valueOffset(r);
    }

    public static byte[] value(byte[] r) {
        return Arrays.copyOfRange(r, valueOffset(r), r.length);
    }

    /** The same key and value with another expiry (-1: none); a new record when the header changes size. */
    public static byte[] withExpiry(byte[] r, long expireAt) {
        if (hasExpiry(r) && expireAt >= 0) {
            putLong(r, 4, expireAt);
            return r;
        }
        if (!hasExpiry(r) && expireAt < 0) {
            return r;
        }
        int kOff = keyOffset(r);
        int kLen = keyLength(r);
        int vOff = kOff + kLen;
        return build(r, kOff, kLen, r, vOff, r.length - vOff, encoding(r), expireAt, lru(r));
    }

    static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private static int putVarint(byte[] r, int p, int v) {
        while ((v & ~0x7f) != 0) {
            r[p++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        r[p++] = (byte) v;
        return p;
    }

    private static void putLong(byte[] r, int p, long v) {
        for (int i = 7; i >= 0; i--) {
            r[p + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static long getLong(byte[] r, int p) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (r[p + i] & 0xff);
        }
        return v;
    }
}
