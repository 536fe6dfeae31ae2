package dev.petrel.redis.command.set;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.Longs;
import dev.petrel.redis.data.set.RedisSet;
import dev.petrel.redis.keyspace.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * SSCAN. An intset answers whole in one call, with cursor 0, as Redis does for compact encodings; a hash table is
 * walked a bucket at a time in reverse-binary cursor order (see {@code data.set.MemberTable}), visiting buckets until
 * COUNT members are found or ten times COUNT buckets have been seen, as Redis's SCAN does.
 */
final class SetScanCommand {
    private SetScanCommand() {}

    static void register(CommandTable t) {
        t.add(
                spec("SSCAN")
                        .complexity("O(1) for every call. O(N) for a complete iteration, including enough command"
                                + " calls for the cursor to return back to 0. N is the number of elements inside the"
                                + " collection..")
                        .arity(-3)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("set")
                        .since("2.8.0")
                        .summary("Incrementally iterate Set elements")
                        .syntax("key cursor [MATCH pattern] [COUNT count]"),
                SetScanCommand::sscan);
    }

    /** SSCAN key cursor [MATCH pattern] [COUNT count] */
    static void sscan(CommandContext c) {
        long[] parsed = new long[1];
        if (!parseCursor(c.args.bytes(2), parsed)) {
            c.reply.error(Errors.INVALID_CURSOR);
            return;
        }
        RedisSet s = Sets.read(c, 1);
        if (s == Sets.WRONG_TYPE) {
            return;
        }
        if (s == null) {
            c.reply.array(2);
            c.reply.bulk("0");
            c.reply.array(0);
            return; // as Redis: a missing key answers before the options are read
        }
        long count = 10;
        byte[] pattern = null;
        for (int i = 3; i < c.argc(); i += 2) {
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
                    pattern = null; // matches everything, even the empty member
                }
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        long cursor = parsed[0];
        List<byte[]> found = new ArrayList<>();
        if (s.isIntset()) {
            for (int p = s.first(); p >= 0; p = s.next(p)) {
                found.add(Longs.toBytes(s.longAt(p)));
            }
            cursor = 0;
        } else {
            long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
            do {
                cursor = s.scan(cursor, found);
            } while (cursor != 0 && budget-- > 0 && found.size() < count);
        }
        int n = 0;
        for (int i = 0; i < found.size(); i++) {
            byte[] m = found.get(i);
            if (pattern == null || Glob.match(pattern, m)) {
                found.set(n++, m);
            }
        }
        c.reply.array(2);
        c.reply.bulk(Long.toUnsignedString(cursor));
        c.reply.array(n);
        for (int i = 0; i < n; i++) {
            c.reply.bulk(found.get(i));
        }
    }

    /**
     * A cursor as Redis reads it (C's {@code strtoul}): an unsigned 64-bit decimal with an optional sign ("-1" is the
     * largest cursor), nothing else; the empty string is 0. The same rule as SCAN's.
     */
    static boolean parseCursor(byte[] b, long[] out) {
        int i = 0;
        boolean negative = false;
        if (b.length > 0 && (b[0] == '+' || b[0] == '-')) {
            negative = b[0] == '-';
            if (++i == b.length) {
                return false;
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
                return false;
            }
            v = next;
        }
        out[0] = negative ? -v : v;
        return true;
    }
}
