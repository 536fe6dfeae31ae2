package dev.petrel.redis.command.keys;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.keyspace.Glob;
import dev.petrel.redis.keyspace.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Walking the keyspace: KEYS (all at once) and SCAN (a cursor at a time, with the guarantee the key table's cursor
 * order gives). Both skip expired keys, and match keys in place in their records.
 */
final class ScanCommands {
    private ScanCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("KEYS")
                        .arity(2)
                        .flags(READONLY)
                        .summary("Find all keys matching the given pattern")
                        .syntax("pattern"),
                ScanCommands::keys);
        t.add(
                spec("SCAN")
                        .arity(-2)
                        .flags(READONLY)
                        .since("2.8.0")
                        .summary("Incrementally iterate the keys space")
                        .syntax("cursor [MATCH pattern] [COUNT count] [TYPE type]"),
                ScanCommands::scan);
    }

    /** KEYS pattern */
    static void keys(CommandContext c) {
        byte[] pattern = c.args.bytes(1);
        boolean all = pattern.length == 1 && pattern[0] == '*';
        Database db = c.db();
        List<Object> out = new ArrayList<>();
        for (Object e : db.snapshot()) {
            if (!db.expired(e) && (all || matches(pattern, e))) {
                out.add(e);
            }
        }
        reply(c, out);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] */
    static void scan(CommandContext c) {
        long[] parsed = new long[1];
        if (!parseCursor(c.args.bytes(1), parsed)) {
            c.reply.error(Errors.INVALID_CURSOR);
            return;
        }
        long cursor = parsed[0];
        long count = 10;
        byte[] pattern = null;
        String type = null;
        for (int i = 2; i < c.argc(); i += 2) {
            boolean hasValue = i + 1 < c.argc();
            if (hasValue && c.args.is(i, "COUNT")) {
                if (!c.args.isLong(i + 1)) {
                    c.reply.error(Errors.NOT_INTEGER);
                    return;
                }
                count = c.args.longValue(i + 1);
                if (count < 1) {
                    c.reply.error(Errors.SYNTAX);
                    return;
                }
            } else if (hasValue && c.args.is(i, "MATCH")) {
                pattern = c.args.bytes(i + 1);
                if (pattern.length == 1 && pattern[0] == '*') {
                    pattern = null;
                }
            } else if (hasValue && c.args.is(i, "TYPE")) {
                type = c.args.string(i + 1);
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        Database db = c.db();
        List<Object> found = new ArrayList<>();
        // As Redis: visit buckets until enough keys are collected, or ten empty buckets per key wanted.
        long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        do {
            cursor = db.scan(cursor, found);
        } while (cursor != 0 && budget-- > 0 && found.size() < count);
        List<Object> out = new ArrayList<>(found.size());
        for (Object e : found) {
            if ((pattern == null || matches(pattern, e))
                    && (type == null || ValueType.of(e).typeName().equalsIgnoreCase(type))) {
                out.add(e);
            }
        }
        c.reply.array(2);
        c.reply.bulk(Long.toUnsignedString(cursor));
        reply(c, out);
    }

    private static void reply(CommandContext c, List<Object> entries) {
        c.reply.array(entries.size());
        for (Object e : entries) {
            KeyArgs.replyKey(c, e);
        }
    }

    private static boolean matches(byte[] pattern, Object e) {
        if (e instanceof byte[] r) {
            return Glob.match(
                    pattern, 0, pattern.length, r, StringRecord.keyOffset(r), StringRecord.keyLength(r), false);
        }
        byte[] k = ((KeyEntry) e).key;
        return Glob.match(pattern, 0, pattern.length, k, 0, k.length, false);
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
