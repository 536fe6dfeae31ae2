package dev.petrel.redis.command.zset;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.zset.ZSet;

/**
 * Sorted set commands on single members: ZADD, ZINCRBY, ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZREM. The family's
 * other classes (ranges, pops, set algebra, scan) are registered from here.
 */
public final class ZSetCommands {
    private ZSetCommands() {}

    public static void register(CommandTable t) {
        t.add(
                spec("ZADD")
                        .complexity("O(log(N)) for each item added, where N is the number of elements in the"
                                + " sorted set.")
                        .arity(-4)
                        .flags(WRITE, DENYOOM, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("1.2.0")
                        .summary("Add one or more members to a sorted set, or update its score if it already exists")
                        .syntax("key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]"),
                ZSetCommands::zadd);
        t.add(
                spec("ZINCRBY")
                        .complexity("O(log(N)) where N is the number of elements in the sorted set.")
                        .arity(4)
                        .flags(WRITE, DENYOOM, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("1.2.0")
                        .summary("Increment the score of a member in a sorted set")
                        .syntax("key increment member"),
                ZSetCommands::zincrby);
        t.add(
                spec("ZCARD")
                        .complexity("O(1)")
                        .arity(2)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("1.2.0")
                        .summary("Get the number of members in a sorted set")
                        .syntax("key"),
                ZSetCommands::zcard);
        t.add(
                spec("ZSCORE")
                        .complexity("O(1)")
                        .arity(3)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("1.2.0")
                        .summary("Get the score associated with the given member in a sorted set")
                        .syntax("key member"),
                ZSetCommands::zscore);
        t.add(
                spec("ZMSCORE")
                        .complexity("O(N) where N is the number of members being requested.")
                        .arity(-3)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("6.2.0")
                        .summary("Get the score associated with the given members in a sorted set")
                        .syntax("key member [member ...]"),
                ZSetCommands::zmscore);
        t.add(
                spec("ZRANK")
                        .complexity("O(log(N))")
                        .arity(3)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("2.0.0")
                        .summary("Determine the index of a member in a sorted set")
                        .syntax("key member"),
                c -> zrank(c, false));
        t.add(
                spec("ZREVRANK")
                        .complexity("O(log(N))")
                        .arity(3)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("2.0.0")
                        .summary("Determine the index of a member in a sorted set, with scores ordered from high to"
                                + " low")
                        .syntax("key member"),
                c -> zrank(c, true));
        t.add(
                spec("ZREM")
                        .complexity("O(M*log(N)) with N being the number of elements in the sorted set and M the"
                                + " number of elements to be removed.")
                        .arity(-3)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("1.2.0")
                        .summary("Remove one or more members from a sorted set")
                        .syntax("key member [member ...]"),
                ZSetCommands::zrem);
        ZRangeCommands.register(t);
        ZPopCommands.register(t);
        ZAlgebraCommands.register(t);
        ZScanCommand.register(t);
        ZBlockingCommands.register(t);
    }

    /** ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...] */
    static void zadd(CommandContext c) {
        boolean nx = false, xx = false, gt = false, lt = false, ch = false, incr = false;
        int i = 2;
        for (; i < c.argc(); i++) {
            if (c.args.is(i, "NX")) {
                nx = true;
            } else if (c.args.is(i, "XX")) {
                xx = true;
            } else if (c.args.is(i, "GT")) {
                gt = true;
            } else if (c.args.is(i, "LT")) {
                lt = true;
            } else if (c.args.is(i, "CH")) {
                ch = true;
            } else if (c.args.is(i, "INCR")) {
                incr = true;
            } else {
                break;
            }
        }
        int elements = c.argc() - i;
        if (elements == 0 || elements % 2 != 0) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        elements /= 2;
        if (nx && xx) {
            c.reply.error("ERR XX and NX options at the same time are not compatible");
            return;
        }
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            c.reply.error("ERR GT, LT, and/or NX options at the same time are not compatible");
            return;
        }
        if (incr && elements > 1) {
            c.reply.error("ERR INCR option supports a single increment-element pair");
            return;
        }
        double[] scores = new double[elements];
        long maxLen = 0;
        for (int j = 0; j < elements; j++) {
            scores[j] = Zsets.value(c, i + 2 * j, Errors.NOT_FLOAT);
            if (Double.isNaN(scores[j])) {
                return;
            }
            maxLen = Math.max(maxLen, c.args.length(i + 2 * j + 1));
        }
        apply(c, i, scores, maxLen, nx, xx, gt, lt, ch, incr);
    }

    /** ZINCRBY key increment member: ZADD key INCR increment member. */
    static void zincrby(CommandContext c) {
        double d = Zsets.value(c, 2, Errors.NOT_FLOAT);
        if (!Double.isNaN(d)) {
            apply(c, 2, new double[] {d}, c.args.length(3), false, false, false, false, false, true);
        }
    }

    private static void apply(
            CommandContext c,
            int first,
            double[] scores,
            long maxLen,
            boolean nx,
            boolean xx,
            boolean gt,
            boolean lt,
            boolean ch,
            boolean incr) {
        ZSet z = Zsets.get(c, 1, false);
        if (z == Zsets.WRONG) {
            return;
        }
        long added = 0;
        long updated = 0;
        long processed = 0;
        double last = 0;
        byte[] key = c.args.bytes(1);
        if (z == null && !xx) {
            z = Zsets.create(c, scores.length, maxLen);
            Zsets.insert(c, key, z);
        }
        String failure = null;
        for (int j = 0; z != null && j < scores.length; j++) {
            byte[] m = c.args.bytes(first + 2 * j + 1);
            double score = scores[j];
            double cur = z.score(m);
            if (!Double.isNaN(cur)) {
                if (nx) {
                    continue;
                }
                if (incr) {
                    score += cur;
                    if (Double.isNaN(score)) {
                        failure = Zsets.NAN;
                        break;
                    }
                }
                if ((lt && score >= cur) || (gt && score <= cur)) {
                    continue;
                }
                processed++;
                last = score;
                if (score != cur) {
                    Zsets.put(c, z, m, score);
                    updated++;
                }
            } else if (!xx) {
                Zsets.put(c, z, m, score);
                added++;
                processed++;
                last = score;
            }
        }
        if (failure != null) {
            c.reply.error(failure);
        } else if (incr) {
            if (processed > 0) {
                Zsets.score(c, last);
            } else {
                c.reply.nullBulk();
            }
        } else {
            c.reply.integer(ch ? added + updated : added);
        }
        if (added + updated > 0) {
            Zsets.event(c, incr ? "zincr" : "zadd", key);
            Blocked.signal(c, key);
        }
    }

    /** ZCARD key */
    static void zcard(CommandContext c) {
        ZSet z = Zsets.get(c, 1, true);
        if (z != Zsets.WRONG) {
            c.reply.integer(z == null ? 0 : z.size());
        }
    }

    /** ZSCORE key member */
    static void zscore(CommandContext c) {
        ZSet z = Zsets.get(c, 1, true);
        if (z == Zsets.WRONG) {
            return;
        }
        double s = z == null ? Double.NaN : z.score(c.args.bytes(2));
        if (Double.isNaN(s)) {
            c.reply.nullBulk();
        } else {
            Zsets.score(c, s);
        }
    }

    /** ZMSCORE key member [member ...] */
    static void zmscore(CommandContext c) {
        ZSet z = Zsets.get(c, 1, true);
        if (z == Zsets.WRONG) {
            return;
        }
        c.reply.array(c.argc() - 2);
        for (int i = 2; i < c.argc(); i++) {
            double s = z == null ? Double.NaN : z.score(c.args.bytes(i));
            if (Double.isNaN(s)) {
                c.reply.nullBulk();
            } else {
                Zsets.score(c, s);
            }
        }
    }

    /** ZRANK key member, ZREVRANK key member */
    static void zrank(CommandContext c, boolean reverse) {
        ZSet z = Zsets.get(c, 1, true);
        if (z == Zsets.WRONG) {
            return;
        }
        long r = z == null ? -1 : z.rank(c.args.bytes(2));
        if (r < 0) {
            c.reply.nullBulk();
        } else {
            c.reply.integer(reverse ? z.size() - 1 - r : r);
        }
    }

    /** ZREM key member [member ...] */
    static void zrem(CommandContext c) {
        ZSet z = Zsets.get(c, 1, false);
        if (z == Zsets.WRONG) {
            return;
        }
        long removed = 0;
        for (int i = 2; z != null && i < c.argc() && z.size() > 0; i++) {
            if (z.remove(c.args.bytes(i))) {
                removed++;
            }
        }
        if (removed > 0) {
            byte[] key = c.args.bytes(1);
            Zsets.event(c, "zrem", key);
            Zsets.dropIfEmpty(c, z, key);
        }
        c.reply.integer(removed);
    }
}
