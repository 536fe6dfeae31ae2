package dev.petrel.redis.command.hash;

import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.command.string.LongDoubles;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.Longs;
import dev.petrel.redis.data.hash.RedisHash;

/**
 * HINCRBY and HINCRBYFLOAT: the increment is checked before the key is looked at, the field's value after, as Redis
 * does. HINCRBYFLOAT uses Redis's long double arithmetic and text (the same as INCRBYFLOAT).
 */
final class HashCounterCommands {
    private HashCounterCommands() {}

    static void register(CommandTable t) {
        t.add(
                HashCommands.hash(
                                "HINCRBY",
                                4,
                                "field increment",
                                "Increment the integer value of a hash field by the given number")
                        .flags(WRITE, DENYOOM, FAST),
                HashCounterCommands::hincrby);
        t.add(
                HashCommands.hash(
                                "HINCRBYFLOAT",
                                4,
                                "field increment",
                                "Increment the float value of a hash field by the given amount")
                        .flags(WRITE, DENYOOM, FAST)
                        .since("2.6.0"),
                HashCounterCommands::hincrbyfloat);
    }

    /** HINCRBY key field increment */
    static void hincrby(CommandContext c) {
        Long by = c.longArg(3);
        if (by == null) {
            return;
        }
        KeyEntry k = Hashes.write(c, c.db(), true);
        if (k == null) {
            return;
        }
        RedisHash h = (RedisHash) k.value;
        long v = 0;
        int pos = h.find(c.args, 2);
        if (pos >= 0) {
            byte[] b = h.array(pos);
            int off = h.valueOffset(pos);
            int len = h.valueLength(pos);
            if (!Longs.isCanonical(b, off, len)) {
                c.reply.error(Errors.HASH_NOT_INTEGER);
                return;
            }
            v = Longs.parseCanonical(b, off, len);
        }
        if ((by < 0 && v < 0 && by < Long.MIN_VALUE - v) || (by > 0 && v > 0 && by > Long.MAX_VALUE - v)) {
            c.reply.error(Errors.OVERFLOW);
            return;
        }
        long n = v + by;
        Hashes.set(c, h, 2, Longs.toBytes(n));
        Hashes.event(c, "hincrby", k);
        c.reply.integer(n);
    }

    /** HINCRBYFLOAT key field increment */
    static void hincrbyfloat(CommandContext c) {
        byte[] arg = c.args.bytes(3);
        LongDoubles.Ext by = LongDoubles.parse(arg, 0, arg.length);
        if (by == null) {
            c.reply.error(Errors.NOT_FLOAT);
            return;
        }
        if (by.infinite()) {
            c.reply.error(Errors.VALUE_NAN_OR_INFINITY);
            return;
        }
        KeyEntry k = Hashes.write(c, c.db(), true);
        if (k == null) {
            return;
        }
        RedisHash h = (RedisHash) k.value;
        LongDoubles.Ext v = LongDoubles.Ext.ZERO;
        int pos = h.find(c.args, 2);
        if (pos >= 0) {
            v = LongDoubles.parse(h.array(pos), h.valueOffset(pos), h.valueLength(pos));
            if (v == null) {
                c.reply.error(Errors.HASH_NOT_FLOAT);
                return;
            }
        }
        LongDoubles.Ext sum = LongDoubles.add(v, by);
        if (sum == null) {
            c.reply.error(Errors.NAN_OR_INFINITY);
            return;
        }
        byte[] text = LongDoubles.format(sum);
        Hashes.set(c, h, 2, text);
        Hashes.event(c, "hincrbyfloat", k);
        c.reply.bulk(text);
    }
}
