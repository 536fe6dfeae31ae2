package dev.petrel.redis.command.bits;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.Longs;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.pubsub.KeyEvents;

/**
 * BITFIELD and BITFIELD_RO: signed (i1..i64) and unsigned (u1..u63) integers at any bit offset, read, set and
 * incremented in one command. Every operation is parsed (and checked) before any runs; a write first grows the string
 * to the furthest field written, even if an overflow then stops the write (OVERFLOW FAIL answers null).
 *
 * <p>Overflow is judged on 64-bit two's-complement arithmetic the way Redis judges it, so results agree with Redis
 * even at the extremes (a SET of a value far below the range saturates as Redis does).
 */
final class BitfieldCommand {
    private static final int GET = 0;
    private static final int SET = 1;
    private static final int INCRBY = 2;
    private static final int WRAP = 0;
    private static final int SAT = 1;
    private static final int FAIL = 2;

    /** One parsed operation. */
    private record Op(int code, boolean signed, int bits, long offset, long value, int overflow) {}

    private BitfieldCommand() {}

    static void register(CommandTable t) {
        t.add(
                spec("BITFIELD")
                        .complexity("O(1) for each subcommand specified")
                        .arity(-2)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("bitmap")
                        .since("3.2.0")
                        .summary("Perform arbitrary bitfield integer operations on strings")
                        .syntax("key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>]"
                                + " <SET encoding offset value | INCRBY encoding offset increment>"
                                + " [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>]"
                                + " <SET encoding offset value | INCRBY encoding offset increment> ...]]"),
                c -> bitfield(c, false));
        t.add(
                spec("BITFIELD_RO")
                        .complexity("O(1) for each subcommand specified")
                        .arity(-2)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("bitmap")
                        .since("6.0.0")
                        .summary("Perform arbitrary bitfield integer operations on strings. Read-only variant of"
                                + " BITFIELD")
                        .syntax("key [GET encoding offset [GET encoding offset ...]]"),
                c -> bitfield(c, true));
    }

    static void bitfield(CommandContext c, boolean readOnly) {
        Op[] ops = new Op[c.argc() / 3 + 1];
        int n = 0;
        int overflow = WRAP;
        long lastWriteByte = -1;
        for (int j = 2; j < c.argc(); ) {
            int rem = c.argc() - j - 1;
            int code;
            if (c.args.is(j, "GET") && rem >= 2) {
                code = GET;
            } else if (c.args.is(j, "SET") && rem >= 3) {
                code = SET;
            } else if (c.args.is(j, "INCRBY") && rem >= 3) {
                code = INCRBY;
            } else if (c.args.is(j, "OVERFLOW") && rem >= 1) {
                if (c.args.is(j + 1, "WRAP")) {
                    overflow = WRAP;
                } else if (c.args.is(j + 1, "SAT")) {
                    overflow = SAT;
                } else if (c.args.is(j + 1, "FAIL")) {
                    overflow = FAIL;
                } else {
                    c.reply.error(Errors.BITFIELD_OVERFLOW);
                    return;
                }
                j += 2;
                continue;
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
            byte[] type = c.args.bytes(j + 1);
            int bits = typeBits(type);
            if (bits < 0) {
                c.reply.error(Errors.BITFIELD_TYPE);
                return;
            }
            long offset = Bitmaps.offset(c, j + 2, bits);
            if (offset < 0) {
                return;
            }
            long value = 0;
            if (code != GET) {
                Long v = c.longArg(j + 3);
                if (v == null) {
                    return;
                }
                value = v;
                lastWriteByte = Math.max(lastWriteByte, (offset + bits - 1) >>> 3);
            }
            ops[n++] = new Op(code, type[0] == 'i', bits, offset, value, overflow);
            j += code == GET ? 3 : 4;
        }
        if (readOnly && lastWriteByte >= 0) {
            c.reply.error(Errors.BITFIELD_RO_WRITE);
            return;
        }
        byte[] r;
        if (lastWriteByte >= 0) {
            r = Bitmaps.forWrite(c, lastWriteByte);
            if (r == null) {
                return;
            }
        } else {
            Object e = c.db().lookupRead(c.args, 1);
            if (!Bitmaps.isStringOrNull(c, e)) {
                return;
            }
            r = (byte[]) e;
        }
        int off = r == null ? 0 : StringRecord.valueOffset(r);
        int len = r == null ? 0 : r.length - off;
        c.reply.array(n);
        int changes = 0;
        for (int k = 0; k < n; k++) {
            changes += run(c, ops[k], r, off, len);
        }
        if (changes > 0) {
            KeyEvents.string(c, "setbit", 1);
        }
    }

    /** Runs one operation; 1 if it wrote (a FAIL overflow does not). */
    private static int run(CommandContext c, Op op, byte[] r, int off, int len) {
        long old = read(r, off, len, op.offset, op.bits, op.signed);
        if (op.code == GET) {
            c.reply.integer(old);
            return 0;
        }
        long base = op.code == SET ? op.value : old;
        long incr = op.code == SET ? 0 : op.value;
        int dir = op.signed ? signedOverflow(base, incr, op.bits) : unsignedOverflow(base, incr, op.bits);
        long result;
        if (dir == 0 || op.overflow == WRAP) {
            result = wrap(base + incr, op.bits, op.signed);
        } else if (op.overflow == SAT) {
            result = dir > 0 ? max(op.bits, op.signed) : (op.signed ? -max(op.bits, true) - 1 : 0);
        } else {
            c.reply.nullBulk();
            return 0;
        }
        for (int i = 0; i < op.bits; i++) {
            Bitmaps.setBit(r, off, op.offset + i, (int) (result >>> (op.bits - 1 - i)) & 1);
        }
        c.reply.integer(op.code == SET ? old : result);
        return 1;
    }

    /** The width of a type such as {@code i16} or {@code u8}, or -1 if it is not one (u64 is not). */
    private static int typeBits(byte[] t) {
        if (t.length < 2 || (t[0] != 'i' && t[0] != 'u')) { // lower case only, as Redis
            return -1;
        }
        if (!Longs.isCanonical(t, 1, t.length - 1)) {
            return -1;
        }
        long bits = Longs.parseCanonical(t, 1, t.length - 1);
        long max = t[0] == 'i' ? 64 : 63;
        return bits < 1 || bits > max ? -1 : (int) bits;
    }

    private static long read(byte[] r, int off, int len, long offset, int bits, boolean signed) {
        long v = 0;
        for (int i = 0; i < bits; i++) {
            v = (v << 1) | (r == null ? 0 : Bitmaps.bit(r, off, len, offset + i));
        }
        return signed ? wrap(v, bits, true) : v;
    }

    private static long max(int bits, boolean signed) {
        int width = signed ? bits - 1 : bits;
        return width == 63 ? Long.MAX_VALUE : (1L << width) - 1;
    }

    /** The low {@code bits} of {@code v}, sign-extended if signed. */
    private static long wrap(long v, int bits, boolean signed) {
        if (bits == 64) {
            return v;
        }
        return signed ? (v << (64 - bits)) >> (64 - bits) : v & ((1L << bits) - 1);
    }

    /** +1, -1 or 0: whether {@code value + incr} leaves the signed range, with Redis's wrapping 64-bit limits. */
    private static int signedOverflow(long value, long incr, int bits) {
        long max = max(bits, true);
        long min = -max - 1;
        long roomUp = max - value; // may wrap, as Redis's does
        long roomDown = min - value;
        if (value > max || (bits != 64 && incr > roomUp) || (value >= 0 && incr > 0 && incr > roomUp)) {
            return 1;
        }
        if (value < min || (bits != 64 && incr < roomDown) || (value < 0 && incr < 0 && incr < roomDown)) {
            return -1;
        }
        return 0;
    }

    /** As {@link #signedOverflow} for an unsigned field ({@code value} read as unsigned 64 bits). */
    private static int unsignedOverflow(long value, long incr, int bits) {
        long max = max(bits, false);
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > max - value)) {
            return 1;
        }
        if (incr < 0 && incr < -value) {
            return -1;
        }
        return 0;
    }
}
