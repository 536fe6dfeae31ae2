package dev.petrel.redis.command.zset;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.zset.ZSet;

/**
 * The range commands, all one routine as in Redis (ZRANGE with its BYSCORE, BYLEX, REV and LIMIT, and the older
 * ZREVRANGE, Z[REV]RANGEBYSCORE, Z[REV]RANGEBYLEX, ZRANGESTORE), plus the counts and removals over the same ranges.
 * Every range becomes a span of ranks, walked with a cursor in either direction.
 */
final class ZRangeCommands {
    private static final int AUTO = 0, RANK = 1, SCORE = 2, LEX = 3;

    private ZRangeCommands() {}

    private static CommandSpec ro(String name, String since, String syntax, String summary) {
        return spec(name)
                .arity(-4)
                .flags(READONLY)
                .keys(1, 1, 1)
                .group("sorted-set")
                .since(since)
                .summary(summary)
                .syntax(syntax)
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of"
                        + " elements returned.");
    }

    static void register(CommandTable t) {
        t.add(
                ro(
                        "ZRANGE",
                        "1.2.0",
                        "key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]",
                        "Return a range of members in a sorted set"),
                c -> zrange(c, false, AUTO, 0));
        t.add(
                spec("ZRANGESTORE")
                        .arity(-5)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 2, 1)
                        .group("sorted-set")
                        .since("6.2.0")
                        .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the"
                                + " number of elements stored into the destination key.")
                        .summary("Store a range of members from sorted set into another key")
                        .syntax("dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]"),
                c -> zrange(c, true, AUTO, 0));
        t.add(
                ro(
                        "ZREVRANGE",
                        "1.2.0",
                        "key start stop [WITHSCORES]",
                        "Return a range of members in a sorted set, by index, with scores ordered from high to low"),
                c -> zrange(c, false, RANK, -1));
        t.add(
                ro(
                        "ZRANGEBYSCORE",
                        "1.0.5",
                        "key min max [WITHSCORES] [LIMIT offset count]",
                        "Return a range of members in a sorted set, by score"),
                c -> zrange(c, false, SCORE, 1));
        t.add(
                ro(
                        "ZREVRANGEBYSCORE",
                        "2.2.0",
                        "key max min [WITHSCORES] [LIMIT offset count]",
                        "Return a range of members in a sorted set, by score, with scores ordered from high to low"),
                c -> zrange(c, false, SCORE, -1));
        t.add(
                ro(
                        "ZRANGEBYLEX",
                        "2.8.9",
                        "key min max [LIMIT offset count]",
                        "Return a range of members in a sorted set, by lexicographical range"),
                c -> zrange(c, false, LEX, 1));
        t.add(
                ro(
                        "ZREVRANGEBYLEX",
                        "2.8.9",
                        "key max min [LIMIT offset count]",
                        "Return a range of members in a sorted set, by lexicographical range, ordered from higher to"
                                + " lower strings."),
                c -> zrange(c, false, LEX, -1));
        t.add(
                spec("ZCOUNT")
                        .arity(4)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("2.0.0")
                        .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                        .summary("Count the members in a sorted set with scores within the given values")
                        .syntax("key min max"),
                c -> count(c, false));
        t.add(
                spec("ZLEXCOUNT")
                        .arity(4)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("2.8.9")
                        .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                        .summary("Count the number of members in a sorted set between a given lexicographical range")
                        .syntax("key min max"),
                c -> count(c, true));
        t.add(
                rem(
                        "ZREMRANGEBYRANK",
                        "2.0.0",
                        "key start stop",
                        "Remove all members in a sorted set within the given" + " indexes"),
                c -> remove(c, RANK));
        t.add(
                rem(
                        "ZREMRANGEBYSCORE",
                        "1.2.0",
                        "key min max",
                        "Remove all members in a sorted set within the given" + " scores"),
                c -> remove(c, SCORE));
        t.add(
                rem(
                        "ZREMRANGEBYLEX",
                        "2.8.9",
                        "key min max",
                        "Remove all members in a sorted set between the given" + " lexicographical range"),
                c -> remove(c, LEX));
    }

    private static CommandSpec rem(String name, String since, String syntax, String summary) {
        return spec(name)
                .arity(4)
                .flags(WRITE)
                .keys(1, 1, 1)
                .group("sorted-set")
                .since(since)
                .summary(summary)
                .syntax(syntax)
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of"
                        + " elements removed by the operation.");
    }

    /** The generic range command; {@code dir} 0 lets REV choose, 1 forward, -1 reverse. */
    static void zrange(CommandContext c, boolean store, int type, int dir) {
        int k = store ? 2 : 1;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        boolean limited = false;
        for (int j = k + 3; j < c.argc(); j++) {
            int left = c.argc() - j - 1;
            if (!store && c.args.is(j, "WITHSCORES")) {
                withScores = true;
            } else if (c.args.is(j, "LIMIT") && left >= 2) {
                Long o = c.longArg(j + 1);
                if (o == null) {
                    return;
                }
                Long l = c.longArg(j + 2);
                if (l == null) {
                    return;
                }
                offset = o;
                limit = l;
                limited = true;
                j += 2;
            } else if (dir == 0 && c.args.is(j, "REV")) {
                dir = -1;
            } else if (type == AUTO && c.args.is(j, "BYLEX")) {
                type = LEX;
            } else if (type == AUTO && c.args.is(j, "BYSCORE")) {
                type = SCORE;
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        boolean reverse = dir == -1;
        if (type == AUTO) {
            type = RANK;
        }
        if (limited && type == RANK) {
            c.reply.error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
            return;
        }
        if (withScores && type == LEX) {
            c.reply.error("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
            return;
        }
        int minIdx = k + 1;
        int maxIdx = k + 2;
        if (reverse && type != RANK) {
            minIdx = k + 2;
            maxIdx = k + 1;
        }
        long start = 0;
        long end = 0;
        Zsets.Range range = null;
        if (type == RANK) {
            Long s = c.longArg(minIdx);
            if (s == null) {
                return;
            }
            Long e = c.longArg(maxIdx);
            if (e == null) {
                return;
            }
            start = s;
            end = e;
        } else {
            range = Zsets.range(c, minIdx, maxIdx, type == LEX);
            if (range == null) {
                return;
            }
        }
        ZSet z = Zsets.get(c, k, true);
        if (z == Zsets.WRONG) {
            return;
        }
        long first = 0;
        long n = 0;
        if (z != null && type == RANK) {
            long len = z.size();
            start = start < 0 ? Math.max(0, len + start) : start;
            end = end < 0 ? len + end : end;
            if (start <= end && start < len) {
                end = Math.min(end, len - 1);
                n = end - start + 1;
                first = reverse ? len - 1 - start : start;
            }
        } else if (z != null && offset >= 0) {
            // as Redis: find the end of the range nearest the start, skip OFFSET blindly, then go while in range
            long max = limit < 0 ? Long.MAX_VALUE : limit;
            long at = reverse ? Zsets.last(z, range) : Zsets.first(z, range);
            if (at >= 0) {
                first = reverse ? at - offset : at + offset;
                if (first >= 0 && first < z.size()) {
                    n = reverse ? Zsets.runBackward(z, range, first, max) : Zsets.runForward(z, range, first, max);
                }
            }
        }
        if (store) {
            store(c, z, first, n, reverse);
            return;
        }
        Zsets.header(c, n, withScores);
        if (n == 0) {
            return;
        }
        ZSet.Cursor cur = z.cursor(first);
        for (long i = 0; i < n; i++) {
            Zsets.element(c, cur.buf, cur.off, cur.len, cur.score, withScores);
            if (reverse) {
                cur.prev();
            } else {
                cur.next();
            }
        }
    }

    private static void store(CommandContext c, ZSet z, long first, long n, boolean reverse) {
        ZSet dst = n == 0 ? null : Zsets.create(c, n, 0);
        if (n > 0) {
            ZSet.Cursor cur = z.cursor(first);
            for (long i = 0; i < n; i++) {
                Zsets.put(c, dst, cur.member(), cur.score);
                if (reverse) {
                    cur.prev();
                } else {
                    cur.next();
                }
            }
        }
        ZAlgebraCommands.storeResult(c, c.args.bytes(1), dst, "zrangestore");
    }

    /** ZCOUNT key min max, ZLEXCOUNT key min max */
    static void count(CommandContext c, boolean lex) {
        Zsets.Range range = Zsets.range(c, 2, 3, lex);
        if (range == null) {
            return;
        }
        ZSet z = Zsets.get(c, 1, true);
        if (z == Zsets.WRONG) {
            return;
        }
        if (z == null) {
            c.reply.integer(0);
            return;
        }
        c.reply.integer(Zsets.count(z, range));
    }

    /** ZREMRANGEBYRANK key start stop, ZREMRANGEBYSCORE key min max, ZREMRANGEBYLEX key min max */
    static void remove(CommandContext c, int type) {
        long start = 0;
        long end = 0;
        Zsets.Range range = null;
        if (type == RANK) {
            Long s = c.longArg(2);
            if (s == null) {
                return;
            }
            Long e = c.longArg(3);
            if (e == null) {
                return;
            }
            start = s;
            end = e;
        } else {
            range = Zsets.range(c, 2, 3, type == LEX);
            if (range == null) {
                return;
            }
        }
        ZSet z = Zsets.get(c, 1, false);
        if (z == Zsets.WRONG) {
            return;
        }
        if (z == null) {
            c.reply.integer(0);
            return;
        }
        long from;
        long to;
        if (type == RANK) {
            long len = z.size();
            start = start < 0 ? Math.max(0, len + start) : start;
            end = end < 0 ? len + end : end;
            if (start > end || start >= len) {
                c.reply.integer(0);
                return;
            }
            from = start;
            to = Math.min(end, len - 1);
        } else {
            from = Zsets.first(z, range);
            to = from < 0 ? -1 : from + Zsets.runForward(z, range, from, Long.MAX_VALUE) - 1;
        }
        long removed = from < 0 ? 0 : Math.max(0, to - from + 1);
        if (removed > 0) {
            z.deleteRange(from, to);
            byte[] key = c.args.bytes(1);
            Zsets.event(
                    c, type == RANK ? "zremrangebyrank" : type == SCORE ? "zremrangebyscore" : "zremrangebylex", key);
            Zsets.dropIfEmpty(c, z, key);
        }
        c.reply.integer(removed);
    }
}
