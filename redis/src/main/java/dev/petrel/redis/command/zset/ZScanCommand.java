package dev.petrel.redis.command.zset;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.zset.Doubles;
import dev.petrel.redis.data.zset.ZSet;
import dev.petrel.redis.keyspace.Glob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ZSCAN. A packed set answers whole in one call with cursor 0, its scores printed as a listpack holds them (integers in
 * plain digits); a skiplist set walks its member table a bucket at a time in reverse-binary cursor order, scores
 * printed as replies print them — both as Redis 7.0 does.
 */
final class ZScanCommand {
    private ZScanCommand() {}

    static void register(CommandTable t) {
        t.add(
                spec("ZSCAN")
                        .complexity("O(1) for every call. O(N) for a complete iteration, including enough command"
                                + " calls for the cursor to return back to 0. N is the number of elements inside the"
                                + " collection..")
                        .arity(-3)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("2.8.0")
                        .summary("Incrementally iterate sorted sets elements and associated scores")
                        .syntax("key cursor [MATCH pattern] [COUNT count]"),
                ZScanCommand::zscan);
    }

    /** ZSCAN key cursor [MATCH pattern] [COUNT count] */
    static void zscan(CommandContext c) {
        long[] parsed = new long[1];
        if (!parseCursor(c.args.bytes(2), parsed)) {
            c.reply.error(Errors.INVALID_CURSOR);
            return;
        }
        ZSet z = Zsets.get(c, 1, true);
        if (z == Zsets.WRONG) {
            return;
        }
        if (z == null) {
            c.reply.array(2);
            c.reply.bulk("0");
            c.reply.array(0);
            return;
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
                    pattern = null;
                }
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        long cursor = parsed[0];
        List<byte[]> found = new ArrayList<>();
        if (z.compact()) {
            z.forEach((m, s) -> {
                found.add(m);
                found.add(Doubles.d2string(s).getBytes(StandardCharsets.US_ASCII));
            });
            cursor = 0;
        } else {
            long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
            do {
                cursor = z.scan(cursor, (m, s) -> {
                    found.add(m);
                    found.add(Doubles.formatBytes(s));
                });
            } while (cursor != 0 && budget-- > 0 && found.size() < 2 * count);
        }
        int n = 0;
        for (int i = 0; i < found.size(); i += 2) {
            if (pattern == null || Glob.match(pattern, found.get(i))) {
                found.set(n++, found.get(i));
                found.set(n++, found.get(i + 1));
            }
        }
        c.reply.array(2);
        c.reply.bulk(Long.toUnsignedString(cursor));
        c.reply.array(n);
        for (int i = 0; i < n; i++) {
            c.reply.bulk(found.get(i));
        }
    }

    /** A cursor as Redis reads it (strtoul: unsigned decimal, optional sign, nothing else; empty is 0). */
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
