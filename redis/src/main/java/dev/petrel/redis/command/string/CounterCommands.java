package dev.petrel.redis.command.string;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.Longs;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.KeyEvents;

/**
 * Counters: INCR, INCRBY, DECR, DECRBY, INCRBYFLOAT. The value keeps its expiry. An integer whose new value has as many
 * characters as the old is rewritten inside its record, so a counter that ticks allocates nothing.
 */
final class CounterCommands {
    private CounterCommands() {}

    static void register(CommandTable t) {
        t.add(counter("INCR", "key", "Increment the integer value of a key by one"), c -> incrBy(c, 1));
        t.add(counter("DECR", "key", "Decrement the integer value of a key by one"), c -> incrBy(c, -1));
        t.add(
                counter("INCRBY", "key increment", "Increment the integer value of a key by the given amount"),
                CounterCommands::incrby);
        t.add(
                counter("DECRBY", "key decrement", "Decrement the integer value of a key by the given number"),
                CounterCommands::decrby);
        t.add(
                counter("INCRBYFLOAT", "key increment", "Increment the float value of a key by the given amount")
                        .since("2.6.0"),
                CounterCommands::incrbyfloat);
    }

    private static dev.petrel.redis.command.CommandSpec counter(String name, String syntax, String summary) {
        return spec(name)
                .complexity("O(1)")
                .arity(syntax.indexOf(' ') < 0 ? 2 : 3)
                .flags(WRITE, DENYOOM, FAST)
                .keys(1, 1, 1)
                .group("string")
                .summary(summary)
                .syntax(syntax);
    }

    /** INCRBY key increment */
    static void incrby(CommandContext c) {
        Long by = c.longArg(2);
        if (by != null) {
            incrBy(c, by);
        }
    }

    /** DECRBY key decrement: the smallest long cannot be negated. */
    static void decrby(CommandContext c) {
        Long by = c.longArg(2);
        if (by == null) {
            return;
        }
        if (by == Long.MIN_VALUE) {
            c.reply.error(Errors.DECREMENT_OVERFLOW);
            return;
        }
        incrBy(c, -by);
    }

    static void incrBy(CommandContext c, long by) {
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (!Strings.isStringOrNull(c, e)) {
            return;
        }
        long v = 0;
        byte[] r = (byte[]) e;
        if (r != null) {
            int off = StringRecord.valueOffset(r);
            int len = r.length - off;
            if (!Longs.isCanonical(r, off, len)) {
                c.reply.error(Errors.NOT_INTEGER);
                return;
            }
            v = Longs.parseCanonical(r, off, len);
        }
        if ((by < 0 && v < 0 && by < Long.MIN_VALUE - v) || (by > 0 && v > 0 && by > Long.MAX_VALUE - v)) {
            c.reply.error(Errors.OVERFLOW);
            return;
        }
        long n = v + by;
        int size = Longs.stringSize(n);
        if (r == null) {
            r = StringRecord.allocateForArg(
                    c.args,
                    1,
                    size,
                    StringRecord.ENC_INT,
                    -1,
                    c.server.keyspace().lruClock());
            db.insertFound(r);
        } else if (StringRecord.valueLength(r) != size) {
            r = StringRecord.resize(r, size, 0, StringRecord.ENC_INT);
            db.replaceFound(r);
        } else {
            StringRecord.setEncoding(r, StringRecord.ENC_INT);
        }
        Longs.write(r, StringRecord.valueOffset(r), size, n);
        KeyEvents.string(c, "incrby", 1);
        c.reply.integer(n);
    }

    /** INCRBYFLOAT key increment: long double arithmetic and text, as Redis; the result is stored as a string. */
    static void incrbyfloat(CommandContext c) {
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (!Strings.isStringOrNull(c, e)) {
            return;
        }
        LongDoubles.Ext v = LongDoubles.Ext.ZERO;
        if (e instanceof byte[] r) {
            v = LongDoubles.parse(r, StringRecord.valueOffset(r), StringRecord.valueLength(r));
        }
        byte[] arg = c.args.bytes(2);
        LongDoubles.Ext by = v == null ? null : LongDoubles.parse(arg, 0, arg.length);
        if (by == null) {
            c.reply.error(Errors.NOT_FLOAT);
            return;
        }
        LongDoubles.Ext sum = LongDoubles.add(v, by);
        if (sum == null) {
            c.reply.error(Errors.NAN_OR_INFINITY);
            return;
        }
        byte[] text = LongDoubles.format(sum);
        int enc = text.length <= StringRecord.EMBSTR_MAX ? StringRecord.ENC_EMBSTR : StringRecord.ENC_RAW;
        Strings.storeComputed(c, db, e, 1, text, 0, text.length, enc);
        KeyEvents.string(c, "incrbyfloat", 1);
        c.reply.bulk(text);
    }
}
