package dev.petrel.redis.command.bits;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.Longs;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What the bit commands share: bit offsets as Redis reads them, the string a write works on (created or grown with
 * zero bytes, and made "raw" as Redis does before it changes a value in place), and counting bits. Bit 0 is the most
 * significant bit of the first byte.
 */
final class Bitmaps {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bitmaps() {}

    /**
     * Argument {@code i} as a bit offset — with {@code bits > 0}, {@code #n} means n times {@code bits} — or -1 after
     * replying the error: not an integer, negative, or past what proto-max-bulk-len allows.
     */
    static long offset(CommandContext c, int i, int bits) {
        byte[] p = c.args.bytes(i);
        boolean hash = bits > 0 && p.length > 1 && p[0] == '#';
        int from = hash ? 1 : 0;
        long v = 0;
        boolean ok = Longs.isCanonical(p, from, p.length - from);
        if (ok) {
            v = Longs.parseCanonical(p, from, p.length - from);
            if (hash) {
                v *= bits; // wraps on overflow, and the result is refused as negative, as in Redis
            }
        }
        if (!ok || v < 0 || (v >> 3) >= maxBytes(c)) {
            c.reply.error(Errors.BIT_OFFSET);
            return -1;
        }
        return v;
    }

    /** The largest string a bit write may make, in bytes. */
    private static long maxBytes(CommandContext c) {
        return Math.min(c.server.config().protoMaxBulkLen, Integer.MAX_VALUE - 1024);
    }

    /** True if {@code e} is a string record or nothing; otherwise replies WRONGTYPE and returns false. */
    static boolean isStringOrNull(CommandContext c, Object e) {
        return e == null || e instanceof byte[] || c.error(Errors.WRONGTYPE);
    }

    /**
     * The record of key argument 1 for a write that reaches byte {@code lastByte}: created or grown with zero bytes as
     * needed, encoded raw. Null after replying WRONGTYPE.
     */
    static byte[] forWrite(CommandContext c, long lastByte) {
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (!isStringOrNull(c, e)) {
            return null;
        }
        int need = (int) lastByte + 1;
        if (e == null) {
            byte[] r = StringRecord.allocateForArg(
                    c.args,
                    1,
                    need,
                    StringRecord.ENC_RAW,
                    -1,
                    c.server.keyspace().lruClock());
            db.insertFound(r);
            return r;
        }
        byte[] r = (byte[]) e;
        int len = StringRecord.valueLength(r);
        if (len < need) {
            r = StringRecord.resize(r, need, len, StringRecord.ENC_RAW);
            db.replaceFound(r);
        } else {
            StringRecord.setEncoding(r, StringRecord.ENC_RAW);
        }
        return r;
    }

    /** Set bits in {@code b[from..from+n)}. */
    static long popcount(byte[] b, int from, int n) {
        long count = 0;
        int i = from;
        int end = from + n;
        for (; i + 8 <= end; i += 8) {
            count += Long.bitCount((long) LONGS.get(b, i));
        }
        for (; i < end; i++) {
            count += Integer.bitCount(b[i] & 0xff);
        }
        return count;
    }

    /** The bit at {@code pos} of the value {@code b[off..off+len)}; bits past the end read as 0. */
    static int bit(byte[] b, int off, int len, long pos) {
        long byteIndex = pos >>> 3;
        if (byteIndex >= len) {
            return 0;
        }
        return (b[off + (int) byteIndex] >> (7 - (int) (pos & 7))) & 1;
    }

    static void setBit(byte[] b, int off, long pos, int value) {
        int i = off + (int) (pos >>> 3);
        int mask = 1 << (7 - (int) (pos & 7));
        b[i] = (byte) (value != 0 ? b[i] | mask : b[i] & ~mask);
    }
}
