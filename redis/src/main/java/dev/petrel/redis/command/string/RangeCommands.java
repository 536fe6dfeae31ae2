package dev.petrel.redis.command.string;

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

/**
 * String commands on part of a value: GETRANGE, SUBSTR, SETRANGE, STRLEN, APPEND. A value changed in place becomes
 * "raw", as in Redis, where such a value is no longer a shared or embedded object.
 */
final class RangeCommands {
    private static final byte[] EMPTY = new byte[0];

    private RangeCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("GETRANGE")
                        .complexity(
                                "O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.")
                        .arity(4)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("string")
                        .since("2.4.0")
                        .summary("Get a substring of the string stored at a key")
                        .syntax("key start end"),
                RangeCommands::getrange);
        t.add(
                spec("SUBSTR")
                        .complexity(
                                "O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.")
                        .arity(4)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("string")
                        .summary("Get a substring of the string stored at a key")
                        .syntax("key start end"),
                RangeCommands::getrange);
        t.add(
                spec("SETRANGE")
                        .complexity(
                                "O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.")
                        .arity(4)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("string")
                        .since("2.2.0")
                        .summary("Overwrite part of a string at key starting at the specified offset")
                        .syntax("key offset value"),
                RangeCommands::setrange);
        t.add(
                spec("STRLEN")
                        .complexity("O(1)")
                        .arity(2)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("string")
                        .since("2.2.0")
                        .summary("Get the length of the value stored in a key")
                        .syntax("key"),
                RangeCommands::strlen);
        t.add(
                spec("APPEND")
                        .complexity(
                                "O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.")
                        .arity(3)
                        .flags(WRITE, DENYOOM, FAST)
                        .keys(1, 1, 1)
                        .group("string")
                        .since("2.0.0")
                        .summary("Append a value to a key")
                        .syntax("key value"),
                RangeCommands::append);
    }

    /** GETRANGE key start end (and SUBSTR): inclusive, negative indexes count from the end, clamped to the value. */
    static void getrange(CommandContext c) {
        Long start = c.longArg(2);
        Long end = start == null ? null : c.longArg(3);
        if (end == null) {
            return;
        }
        Object e = c.db().lookupRead(c.args, 1);
        if (!Strings.isStringOrNull(c, e)) {
            return;
        }
        if (e == null) {
            c.reply.bulk(EMPTY);
            return;
        }
        byte[] r = (byte[]) e;
        long len = StringRecord.valueLength(r);
        long s = start;
        long t = end;
        if (s < 0 && t < 0 && s > t) {
            c.reply.bulk(EMPTY);
            return;
        }
        s = Math.max(s < 0 ? len + s : s, 0);
        t = Math.max(t < 0 ? len + t : t, 0);
        t = Math.min(t, len - 1);
        if (s > t || len == 0) {
            c.reply.bulk(EMPTY);
        } else {
            c.reply.bulk(r, StringRecord.valueOffset(r) + (int) s, (int) (t - s + 1));
        }
    }

    /** SETRANGE key offset value: pads with zero bytes; an empty value changes nothing (and creates no key). */
    static void setrange(CommandContext c) {
        Long offset = c.longArg(2);
        if (offset == null) {
            return;
        }
        if (offset < 0) {
            c.reply.error(Errors.OFFSET_RANGE);
            return;
        }
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (!Strings.isStringOrNull(c, e)) {
            return;
        }
        int vLen = c.args.length(3);
        if (vLen == 0) {
            c.reply.integer(e == null ? 0 : StringRecord.valueLength((byte[]) e));
            return;
        }
        long total = offset > Long.MAX_VALUE - vLen ? Long.MAX_VALUE : offset + vLen; // no overflow
        if (!Strings.lengthAllowed(c, total)) {
            return;
        }
        int lru = c.server.keyspace().lruClock();
        byte[] r;
        if (e == null) {
            r = StringRecord.allocateForArg(c.args, 1, (int) total, StringRecord.ENC_RAW, -1, lru);
            db.insertFound(r);
        } else {
            r = (byte[]) e;
            int len = StringRecord.valueLength(r);
            if (total > len) {
                r = StringRecord.resize(r, (int) total, len, StringRecord.ENC_RAW);
                db.replaceFound(r);
            } else {
                StringRecord.setEncoding(r, StringRecord.ENC_RAW);
            }
        }
        c.args.copyTo(3, r, StringRecord.valueOffset(r) + offset.intValue());
        KeyEvents.string(c, "setrange", 1);
        c.reply.integer(StringRecord.valueLength(r));
    }

    /** STRLEN key */
    static void strlen(CommandContext c) {
        Object e = c.db().lookupRead(c.args, 1);
        if (Strings.isStringOrNull(c, e)) {
            c.reply.integer(e == null ? 0 : StringRecord.valueLength((byte[]) e));
        }
    }

    /** APPEND key value: a new key is stored as SET would; an existing value grows (and becomes raw). */
    static void append(CommandContext c) {
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (!Strings.isStringOrNull(c, e)) {
            return;
        }
        int add = c.args.length(2);
        if (e == null) {
            Strings.store(c, db, null, 1, 2, -1);
            KeyEvents.string(c, "append", 1);
            c.reply.integer(add);
            return;
        }
        byte[] r = (byte[]) e;
        int len = StringRecord.valueLength(r);
        if (!Strings.lengthAllowed(c, (long) len + add)) {
            return;
        }
        if (add == 0) {
            StringRecord.setEncoding(r, StringRecord.ENC_RAW);
        } else {
            r = StringRecord.resize(r, len + add, len, StringRecord.ENC_RAW);
            c.args.copyTo(2, r, StringRecord.valueOffset(r) + len);
            db.replaceFound(r);
        }
        KeyEvents.string(c, "append", 1);
        c.reply.integer(len + add);
    }
}
