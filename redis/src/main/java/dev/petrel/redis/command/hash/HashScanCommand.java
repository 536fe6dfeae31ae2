package dev.petrel.redis.command.hash;

import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.hash.RedisHash;
import dev.petrel.redis.keyspace.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * HSCAN key cursor [MATCH pattern] [COUNT count]. A packed hash answers everything at once with cursor 0, as Redis
 * answers a listpack; a table is walked a bucket at a time in reverse-binary cursor order until COUNT pairs are
 * collected or ten times as many buckets visited. MATCH filters the collected fields afterwards, as in Redis.
 */
final class HashScanCommand {

    private HashScanCommand() {}

    static void register(CommandTable t) {
        t.add(
                HashCommands.hash(
                                "HSCAN",
                                -3,
                                "cursor [MATCH pattern] [COUNT count]",
                                "Incrementally iterate hash fields and associated values")
                        .flags(READONLY)
                        .since("2.8.0")
                        .complexity("O(1) for every call. O(N) for a complete iteration, including enough command"
                                + " calls for the cursor to return back to 0. N is the number of elements inside"
                                + " the collection.."),
                HashScanCommand::hscan);
    }

    /** HSCAN key cursor [MATCH pattern] [COUNT count] */
    static void hscan(CommandContext c) {
        long[] parsed = new long[1];
        if (!parseCursor(c.args.bytes(2), parsed)) {
            c.reply.error(Errors.INVALID_CURSOR);
            return;
        }
        RedisHash h = Hashes.read(c);
        if (h == Hashes.WRONG_TYPE) {
            return;
        }
        if (h == null) {
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
        List<Integer> found = new ArrayList<>();
        long cursor = parsed[0];
        long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        do {
            cursor = h.scan(cursor, found::add);
        } while (cursor != 0 && budget-- > 0 && found.size() < count);
        List<Integer> out = found;
        if (pattern != null) {
            out = new ArrayList<>(found.size());
            for (int pos : found) {
                if (Glob.match(
                        pattern, 0, pattern.length, h.array(pos), h.fieldOffset(pos), h.fieldLength(pos), false)) {
                    out.add(pos);
                }
            }
        }
        c.reply.array(2);
        c.reply.bulk(Long.toUnsignedString(cursor));
        c.reply.array(out.size() * 2);
        for (int pos : out) {
            Hashes.replyField(c, h, pos);
            Hashes.replyValue(c, h, pos);
        }
    }

    /**
     * Reads a cursor as Redis does (C's {@code strtoul}) into {@code out[0]}: an unsigned 64-bit decimal with an
     * optional sign ("-1" is the largest cursor), nothing after the digits; the empty string is cursor 0.
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
