package dev.petrel.redis.command.bits;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.StringRecord;

/**
 * BITCOUNT and BITPOS: a range of the value, in bytes or (7.0) in bits, with negative indexes counting from the end.
 * Both look the key up before they read the range, so a missing key answers before a bad range is noticed, as in
 * Redis.
 */
final class BitSearch {
    private BitSearch() {}

    static void register(CommandTable t) {
        t.add(
                spec("BITCOUNT")
                        .complexity("O(N)")
                        .arity(-2)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("bitmap")
                        .since("2.6.0")
                        .summary("Count set bits in a string")
                        .syntax("key [start end [BYTE | BIT]]"),
                BitSearch::bitcount);
        t.add(
                spec("BITPOS")
                        .complexity("O(N)")
                        .arity(-3)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("bitmap")
                        .since("2.8.7")
                        .summary("Find first bit set or clear in a string")
                        .syntax("key bit [start [end [BYTE | BIT]]]"),
                BitSearch::bitpos);
    }

    /** BITCOUNT key [start end [BYTE|BIT]] */
    static void bitcount(CommandContext c) {
        Object e = c.db().lookupRead(c.args, 1);
        if (e == null || !Bitmaps.isStringOrNull(c, e)) {
            if (e == null) {
                c.reply.integer(0);
            }
            return;
        }
        byte[] r = (byte[]) e;
        int off = StringRecord.valueOffset(r);
        int len = r.length - off;
        int argc = c.argc();
        if (argc == 2) {
            c.reply.integer(Bitmaps.popcount(r, off, len));
            return;
        }
        if (argc != 4 && argc != 5) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        Long start = c.longArg(2);
        Long end = start == null ? null : c.longArg(3);
        if (end == null) {
            return;
        }
        Boolean bits = argc == 5 ? unit(c, 4) : Boolean.FALSE;
        if (bits == null) {
            return;
        }
        long total = bits ? len * 8L : len;
        long s = start;
        long t = end;
        if (s < 0 && t < 0 && s > t) {
            c.reply.integer(0);
            return;
        }
        s = Math.max(s < 0 ? total + s : s, 0);
        t = Math.min(Math.max(t < 0 ? total + t : t, 0), total - 1);
        if (s > t) {
            c.reply.integer(0);
            return;
        }
        if (!bits) {
            c.reply.integer(Bitmaps.popcount(r, off + (int) s, (int) (t - s + 1)));
            return;
        }
        int first = (int) (s >>> 3);
        int last = (int) (t >>> 3);
        long count = Bitmaps.popcount(r, off + first, last - first + 1);
        count -= Integer.bitCount((r[off + first] & 0xff) >>> (8 - (int) (s & 7))); // bits before s
        count -= Integer.bitCount(r[off + last] & ((1 << (7 - (int) (t & 7))) - 1)); // bits after t
        c.reply.integer(count);
    }

    /**
     * BITPOS key bit [start [end [BYTE|BIT]]]: the first bit with that value in the range, or -1. Looking for 0 with no
     * end given, a value of all ones answers the first bit past its end (the string is seen as padded with zeros).
     */
    static void bitpos(CommandContext c) {
        Long bit = c.longArg(2);
        if (bit == null) {
            return;
        }
        if (bit != 0 && bit != 1) {
            c.reply.error(Errors.BIT_ARGUMENT);
            return;
        }
        Object e = c.db().lookupRead(c.args, 1);
        if (e == null) {
            c.reply.integer(bit == 1 ? -1 : 0);
            return;
        }
        if (!Bitmaps.isStringOrNull(c, e)) {
            return;
        }
        byte[] r = (byte[]) e;
        int off = StringRecord.valueOffset(r);
        int len = r.length - off;
        int argc = c.argc();
        if (argc > 6) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        long s = 0;
        long t = len - 1L;
        boolean bits = false;
        if (argc >= 4) {
            Long start = c.longArg(3);
            if (start == null) {
                return;
            }
            Boolean unit = argc == 6 ? unit(c, 5) : Boolean.FALSE;
            if (unit == null) {
                return;
            }
            bits = unit;
            Long end = argc >= 5 ? c.longArg(4) : Long.valueOf(len - 1L);
            if (end == null) {
                return;
            }
            long total = bits ? len * 8L : len;
            s = Math.max(start < 0 ? total + start : start, 0);
            t = Math.min(Math.max(end < 0 ? total + end : end, 0), total - 1);
        }
        if (s > t) {
            c.reply.integer(-1);
            return;
        }
        long from = bits ? s : s * 8;
        long to = bits ? t : t * 8 + 7;
        long pos = find(r, off, from, to, bit.intValue());
        if (pos < 0 && bit == 0 && argc < 5) {
            pos = to + 1;
        }
        c.reply.integer(pos);
    }

    /** BYTE or BIT at argument {@code i}: true for BIT; null after a syntax error. */
    private static Boolean unit(CommandContext c, int i) {
        if (c.args.is(i, "BIT")) {
            return Boolean.TRUE;
        }
        if (c.args.is(i, "BYTE")) {
            return Boolean.FALSE;
        }
        c.reply.error(Errors.SYNTAX);
        return null;
    }

    /** The first bit equal to {@code bit} in bits {@code [from, to]} of the value at {@code off}, or -1. */
    private static long find(byte[] r, int off, long from, long to, int bit) {
        int skip = bit == 1 ? 0 : 0xff;
        long p = from;
        while (p <= to) {
            if ((p & 7) == 0 && p + 7 <= to && (r[off + (int) (p >>> 3)] & 0xff) == skip) {
                p += 8;
                continue;
            }
            if (((r[off + (int) (p >>> 3)] >> (7 - (int) (p & 7))) & 1) == bit) {
                return p;
            }
            p++;
        }
        return -1;
    }
}
