package dev.petrel.redis.command.bits;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.KeyEvents;
import dev.petrel.redis.pubsub.Notifications;

/**
 * Bit commands over string values: SETBIT, GETBIT, BITOP here; BITCOUNT and BITPOS in {@link BitSearch}; BITFIELD and
 * BITFIELD_RO in {@link BitfieldCommand}. A missing key reads as an endless run of zero bits.
 */
public final class BitCommands {
    private BitCommands() {}

    public static void register(CommandTable t) {
        t.add(
                spec("SETBIT")
                        .complexity("O(1)")
                        .arity(4)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("bitmap")
                        .since("2.2.0")
                        .summary("Sets or clears the bit at offset in the string value stored at key")
                        .syntax("key offset value"),
                BitCommands::setbit);
        t.add(
                spec("GETBIT")
                        .complexity("O(1)")
                        .arity(3)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("bitmap")
                        .since("2.2.0")
                        .summary("Returns the bit value at offset in the string value stored at key")
                        .syntax("key offset"),
                BitCommands::getbit);
        t.add(
                spec("BITOP")
                        .complexity("O(N)")
                        .arity(-4)
                        .flags(WRITE, DENYOOM)
                        .keys(2, -1, 1)
                        .group("bitmap")
                        .since("2.6.0")
                        .summary("Perform bitwise operations between strings")
                        .syntax("operation destkey key [key ...]"),
                BitCommands::bitop);
        BitSearch.register(t);
        BitfieldCommand.register(t);
    }

    /** SETBIT key offset value: replies with the bit's old value. */
    static void setbit(CommandContext c) {
        long offset = Bitmaps.offset(c, 2, 0);
        if (offset < 0) {
            return;
        }
        if (!c.args.isLong(3) || (c.args.longValue(3) & ~1L) != 0) {
            c.reply.error(Errors.BIT_VALUE);
            return;
        }
        // Redis fires "setbit" only when the string was made or grown, or the bit changed
        Object before = c.server.notifications().wants(Notifications.STRING) ? c.db().peek(c.args, 1) : null;
        byte[] r = Bitmaps.forWrite(c, offset >>> 3);
        if (r == null) {
            return;
        }
        int off = StringRecord.valueOffset(r);
        int old = Bitmaps.bit(r, off, r.length - off, offset);
        Bitmaps.setBit(r, off, offset, (int) c.args.longValue(3));
        if (r != before || old != c.args.longValue(3)) {
            KeyEvents.string(c, "setbit", 1);
        }
        c.reply.integer(old);
    }

    /** GETBIT key offset */
    static void getbit(CommandContext c) {
        long offset = Bitmaps.offset(c, 2, 0);
        if (offset < 0) {
            return;
        }
        Object e = c.db().lookupRead(c.args, 1);
        if (!Bitmaps.isStringOrNull(c, e)) {
            return;
        }
        if (e == null) {
            c.reply.integer(0);
            return;
        }
        byte[] r = (byte[]) e;
        int off = StringRecord.valueOffset(r);
        c.reply.integer(Bitmaps.bit(r, off, r.length - off, offset));
    }

    /**
     * BITOP AND|OR|XOR|NOT destkey key [key ...]: missing keys are empty strings, shorter ones are padded with zeros;
     * the result (raw, no expiry) replaces destkey whatever it held, and an empty result deletes it.
     */
    static void bitop(CommandContext c) {
        int op;
        if (c.args.is(1, "AND")) {
            op = 0;
        } else if (c.args.is(1, "OR")) {
            op = 1;
        } else if (c.args.is(1, "XOR")) {
            op = 2;
        } else if (c.args.is(1, "NOT")) {
            op = 3;
        } else {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        if (op == 3 && c.argc() != 4) {
            c.reply.error(Errors.BITOP_NOT_ONE_KEY);
            return;
        }
        Database db = c.db();
        int n = c.argc() - 3;
        byte[][] src = new byte[n][];
        int maxLen = 0;
        for (int k = 0; k < n; k++) {
            Object e = db.lookupRead(c.args, k + 3);
            if (!Bitmaps.isStringOrNull(c, e)) {
                return;
            }
            src[k] = (byte[]) e;
            if (e != null) {
                maxLen = Math.max(maxLen, StringRecord.valueLength(src[k]));
            }
        }
        Object dest = db.lookup(c.args, 2);
        if (maxLen == 0) {
            if (dest != null) {
                db.deleteFound();
                KeyEvents.generic(c, "del", 2);
            }
            c.reply.integer(0);
            return;
        }
        byte[] out = StringRecord.allocateForArg(
                c.args, 2, maxLen, StringRecord.ENC_RAW, -1, c.server.keyspace().lruClock());
        int o = StringRecord.valueOffset(out);
        int[] offs = new int[n];
        int[] lens = new int[n];
        for (int k = 0; k < n; k++) {
            offs[k] = src[k] == null ? 0 : StringRecord.valueOffset(src[k]);
            lens[k] = src[k] == null ? 0 : src[k].length - offs[k];
        }
        for (int i = 0; i < maxLen; i++) {
            int v = i < lens[0] ? src[0][offs[0] + i] : 0;
            if (op == 3) {
                v = ~v;
            }
            for (int k = 1; k < n; k++) {
                int b = i < lens[k] ? src[k][offs[k] + i] : 0;
                v = op == 0 ? v & b : op == 1 ? v | b : v ^ b;
            }
            out[o + i] = (byte) v;
        }
        db.putFound(out);
        if (dest == null) {}
        KeyEvents.string(c, "set", 2);
        c.reply.integer(maxLen);
    }
}
