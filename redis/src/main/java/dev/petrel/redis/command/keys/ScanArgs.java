package dev.petrel.redis.command.keys;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;

/**
 * The arguments SCAN, HSCAN, SSCAN and ZSCAN share: the cursor, then MATCH and COUNT (and TYPE for SCAN), read with
 * Redis's rules and error replies. The cursor and the options are read separately, as the keyed commands look the key
 * up in between: a wrong type or a missing key answers before the options are read.
 */
public final class ScanArgs {
    /** The cursor to resume from. */
    public final long cursor;
    /** How many items to collect (at least 1). */
    public long count = 10;
    /** The MATCH pattern, or null to match everything ("*" included, so even the empty name matches). */
    public byte[] pattern;
    /** The TYPE name (SCAN only), or null for any type. */
    public String type;

    private ScanArgs(long cursor) {
        this.cursor = cursor;
    }

    /** Reads the cursor at argument {@code i}; replies the error and returns null if it is not one. */
    public static ScanArgs cursor(CommandContext c, int i) {
        long[] parsed = new long[1];
        if (!parseCursor(c.args.bytes(i), parsed)) {
            c.reply.error(Errors.INVALID_CURSOR);
            return null;
        }
        return new ScanArgs(parsed[0]);
    }

    /**
     * Reads the options from argument {@code from} on, TYPE only if {@code withType}; replies the first error and
     * returns null on a bad one, else this.
     */
    public ScanArgs options(CommandContext c, int from, boolean withType) {
        for (int i = from; i < c.argc(); i += 2) {
            boolean hasValue = i + 1 < c.argc();
            if (hasValue && c.args.is(i, "COUNT")) {
                if (!c.args.isLong(i + 1)) {
                    c.reply.error(Errors.NOT_INTEGER);
                    return null;
                }
                count = c.args.longValue(i + 1);
                if (count < 1) {
                    c.reply.error(Errors.SYNTAX);
                    return null;
                }
            } else if (hasValue && c.args.is(i, "MATCH")) {
                pattern = c.args.bytes(i + 1);
                if (pattern.length == 1 && pattern[0] == '*') {
                    pattern = null;
                }
            } else if (withType && hasValue && c.args.is(i, "TYPE")) {
                type = c.args.string(i + 1);
            } else {
                c.reply.error(Errors.SYNTAX);
                return null;
            }
        }
        return this;
    }

    /** Starts the reply: a two-element array, the next cursor first; the caller adds the array of items. */
    public static void replyCursor(CommandContext c, long next) {
        c.reply.array(2);
        c.reply.bulk(Long.toUnsignedString(next));
    }

    /** The whole reply for a missing key: cursor 0 and no items. */
    public static void replyEmpty(CommandContext c) {
        replyCursor(c, 0);
        c.reply.array(0);
    }

    /**
     * Reads a cursor as Redis does (C's {@code strtoul}) into {@code out[0]}: an unsigned 64-bit decimal with an
     * optional sign ("-1" is the largest cursor), no leading space, nothing after the digits; the empty string is
     * cursor 0. False if it is not one.
     */
    static boolean parseCursor(byte[] b, long[] out) {
        int i = 0;
        boolean negative = false;
        if (b.length > 0 && (b[0] == '+' || b[0] == '-')) {
            negative = b[0] == '-';
            if (++i == b.length) {
                return false; // a sign alone: no digits
            }
        }
        long v = 0;
        for (; i < b.length; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) {
                return false;
            }
            long next = v * 10 + d;
            if (Long.compareUnsigned(next, v * 10) < 0) {
                return false; // past 2^64 - 1
            }
            v = next;
        }
        out[0] = negative ? -v : v;
        return true;
    }
}
