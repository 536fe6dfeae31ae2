package dev.petrel.redis.command.zset;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.MOVABLE_KEYS;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.zset.ZSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** ZPOPMIN, ZPOPMAX, ZMPOP and ZRANDMEMBER. */
final class ZPopCommands {
    static final String POSITIVE = "ERR value is out of range, must be positive";

    private ZPopCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("ZPOPMIN")
                        .arity(-2)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("5.0.0")
                        .complexity("O(log(N)*M) with N being the number of elements in the sorted set, and M being"
                                + " the number of elements popped.")
                        .summary("Remove and return members with the lowest scores in a sorted set")
                        .syntax("key [count]"),
                c -> zpop(c, false));
        t.add(
                spec("ZPOPMAX")
                        .arity(-2)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("5.0.0")
                        .complexity("O(log(N)*M) with N being the number of elements in the sorted set, and M being"
                                + " the number of elements popped.")
                        .summary("Remove and return members with the highest scores in a sorted set")
                        .syntax("key [count]"),
                c -> zpop(c, true));
        t.add(
                spec("ZMPOP")
                        .arity(-4)
                        .flags(WRITE, MOVABLE_KEYS)
                        .group("sorted-set")
                        .since("7.0.0")
                        .complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of"
                                + " elements in the sorted set, and M being the number of elements popped.")
                        .summary("Remove and return members with scores in a sorted set")
                        .syntax("numkeys key [key ...] MIN | MAX [COUNT count]"),
                ZPopCommands::zmpop);
        t.add(
                spec("ZRANDMEMBER")
                        .arity(-2)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("6.2.0")
                        .complexity("O(N) where N is the number of members returned")
                        .summary("Get one or multiple random elements from a sorted set")
                        .syntax("key [count [WITHSCORES]]"),
                ZPopCommands::zrandmember);
    }

    /** ZPOPMIN key [count], ZPOPMAX key [count] */
    static void zpop(CommandContext c, boolean max) {
        if (c.argc() > 3) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        long count = 1;
        if (c.argc() == 3) {
            if (!c.args.isLong(2) || c.args.longValue(2) < 0) {
                c.reply.error(POSITIVE);
                return;
            }
            count = c.args.longValue(2);
        }
        ZSet z = Zsets.get(c, 1, false);
        if (z == Zsets.WRONG) {
            return;
        }
        if (z == null || count == 0) {
            c.reply.array(0);
            return;
        }
        boolean nested = c.argc() == 3 && c.reply.resp3();
        long n = Math.min(count, z.size());
        c.reply.array((int) (nested ? n : 2 * n));
        pop(c, z, c.args.bytes(1), max, n, nested);
    }

    /** Pops {@code n} elements (as pairs when {@code pairs}), with the events; deletes the key if emptied. */
    static void pop(CommandContext c, ZSet z, byte[] key, boolean max, long n, boolean pairs) {
        for (long i = 0; i < n; i++) {
            long rank = max ? z.size() - 1 : 0;
            ZSet.Cursor cur = z.cursor(rank);
            if (pairs) {
                c.reply.array(2);
            }
            c.reply.bulk(cur.buf, cur.off, cur.len);
            Zsets.score(c, cur.score);
            z.deleteRange(rank, rank);
        }
        Zsets.event(c, max ? "zpopmax" : "zpopmin", key);
        Zsets.dropIfEmpty(c, z, key);
    }

    /** ZMPOP numkeys key [key ...] MIN | MAX [COUNT count] */
    static void zmpop(CommandContext c) {
        long[] parsed = parseMpop(c, 1);
        if (parsed == null) {
            return;
        }
        int numkeys = (int) parsed[0];
        for (int i = 0; i < numkeys; i++) {
            ZSet z = Zsets.get(c, 2 + i, false);
            if (z == Zsets.WRONG) {
                return;
            }
            if (z != null) {
                replyMpop(c, z, c.args.bytes(2 + i), parsed[1] == 1, parsed[2]);
                return;
            }
        }
        c.reply.nullArray();
    }

    /** [key, [[member, score] ...]], popping {@code count} at most. */
    static void replyMpop(CommandContext c, ZSet z, byte[] key, boolean max, long count) {
        long n = Math.min(count, z.size());
        c.reply.array(2);
        c.reply.bulk(key);
        c.reply.array((int) n);
        pop(c, z, key, max, n, true);
    }

    /**
     * Parses [B]ZMPOP's arguments from the numkeys at {@code at}: {numkeys, 1 for MAX, count}; null after replying
     * the error.
     */
    static long[] parseMpop(CommandContext c, int at) {
        if (!c.args.isLong(at) || c.args.longValue(at) <= 0 || c.args.longValue(at) > Integer.MAX_VALUE) {
            c.reply.error("ERR numkeys should be greater than 0");
            return null;
        }
        long numkeys = c.args.longValue(at);
        int where = at + 1 + (int) numkeys;
        if (where >= c.argc()) {
            c.reply.error(Errors.SYNTAX);
            return null;
        }
        long max;
        if (c.args.is(where, "MIN")) {
            max = 0;
        } else if (c.args.is(where, "MAX")) {
            max = 1;
        } else {
            c.reply.error(Errors.SYNTAX);
            return null;
        }
        long count = -1;
        for (int j = where + 1; j < c.argc(); j++) {
            if (count == -1 && c.args.is(j, "COUNT") && j + 1 < c.argc()) {
                j++;
                if (!c.args.isLong(j) || c.args.longValue(j) <= 0) {
                    c.reply.error("ERR count should be greater than 0");
                    return null;
                }
                count = c.args.longValue(j);
            } else {
                c.reply.error(Errors.SYNTAX);
                return null;
            }
        }
        return new long[] {numkeys, max, count == -1 ? 1 : count};
    }

    /** ZRANDMEMBER key [count [WITHSCORES]] */
    static void zrandmember(CommandContext c) {
        if (c.argc() == 2) {
            ZSet z = Zsets.get(c, 1, true);
            if (z == Zsets.WRONG) {
                return;
            }
            if (z == null) {
                c.reply.nullBulk();
                return;
            }
            ZSet.Cursor cur = z.random(ThreadLocalRandom.current());
            c.reply.bulk(cur.buf, cur.off, cur.len);
            return;
        }
        if (!c.args.isLong(2)) {
            c.reply.error(Errors.NOT_INTEGER);
            return;
        }
        long l = c.args.longValue(2);
        if (l == Long.MIN_VALUE) {
            c.reply.error(
                    "ERR value is out of range, value must between -9223372036854775807 and" + " 9223372036854775807");
            return;
        }
        boolean withScores = false;
        if (c.argc() == 4 && c.args.is(3, "WITHSCORES")) {
            withScores = true;
        } else if (c.argc() >= 4) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        if (withScores && (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2)) {
            c.reply.error("ERR value is out of range");
            return;
        }
        ZSet z = Zsets.get(c, 1, true);
        if (z == Zsets.WRONG) {
            return;
        }
        if (z == null || l == 0) {
            c.reply.array(0);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (l < 0) {
            long n = -l;
            Zsets.header(c, n, withScores);
            for (long i = 0; i < n; i++) {
                ZSet.Cursor cur = z.random(rnd);
                Zsets.element(c, cur.buf, cur.off, cur.len, cur.score, withScores);
            }
            return;
        }
        int size = z.size();
        if (l >= size) {
            Zsets.header(c, size, withScores);
            for (ZSet.Cursor cur = z.cursor(0); cur.valid(); cur.next()) {
                Zsets.element(c, cur.buf, cur.off, cur.len, cur.score, withScores);
            }
            return;
        }
        Set<Long> ranks = new HashSet<>();
        while (ranks.size() < l) {
            ranks.add((long) rnd.nextInt(size));
        }
        Zsets.header(c, l, withScores);
        for (long r : ranks) {
            ZSet.Cursor cur = z.cursor(r);
            Zsets.element(c, cur.buf, cur.off, cur.len, cur.score, withScores);
        }
    }
}
