package dev.petrel.redis.command.zset;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.MOVABLE_KEYS;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.RedisConfig;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.set.RedisSet;
import dev.petrel.redis.data.zset.ZSet;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.Notifications;
import java.util.Arrays;
import java.util.Comparator;

/**
 * ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD, as Redis's one routine: sources may be sorted sets or sets
 * (whose members score 1), each scaled by its WEIGHT (NaN products count as 0), combined with SUM, MIN or MAX. The
 * result is built as a skiplist set, which a STORE converts to the packed form when small enough, as Redis does.
 */
final class ZAlgebraCommands {
    private static final int UNION = 0, INTER = 1, DIFF = 2;
    private static final int SUM = 0, MIN = 1, MAX = 2;

    private ZAlgebraCommands() {}

    static void register(CommandTable t) {
        String[] names = {"ZUNION", "ZINTER", "ZDIFF"};
        String[] summaries = {
            "Add multiple sorted sets", "Intersect multiple sorted sets", "Subtract multiple sorted sets"
        };
        String[] storeSince = {"2.0.0", "2.0.0", "6.2.0"};
        for (int op = 0; op < 3; op++) {
            int o = op;
            String opts = op == DIFF ? "" : " [WEIGHTS weight [weight ...]] [AGGREGATE SUM | MIN | MAX]";
            t.add(
                    spec(names[op])
                            .arity(-3)
                            .flags(READONLY, MOVABLE_KEYS)
                            .group("sorted-set")
                            .since("6.2.0")
                            .complexity("O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets,"
                                    + " and M being the number of elements in the resulting sorted set.")
                            .summary(summaries[op])
                            .syntax("numkeys key [key ...]" + opts + " [WITHSCORES]"),
                    c -> run(c, o, false, false));
            t.add(
                    spec(names[op] + "STORE")
                            .arity(-4)
                            .flags(WRITE, DENYOOM, MOVABLE_KEYS)
                            .keys(1, 1, 1)
                            .group("sorted-set")
                            .since(storeSince[op])
                            .complexity("O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets,"
                                    + " and M being the number of elements in the resulting sorted set.")
                            .summary(summaries[op] + " and store the resulting sorted set in a new key")
                            .syntax("destination numkeys key [key ...]" + opts),
                    c -> run(c, o, true, false));
        }
        t.add(
                spec("ZINTERCARD")
                        .arity(-3)
                        .flags(READONLY, MOVABLE_KEYS)
                        .group("sorted-set")
                        .since("7.0.0")
                        .complexity("O(N*K) worst case with N being the smallest input sorted set, K being the number"
                                + " of input sorted sets.")
                        .summary("Intersect multiple sorted sets and return the cardinality of the result")
                        .syntax("numkeys key [key ...] [LIMIT limit]"),
                c -> run(c, INTER, false, true));
    }

    /** One input: a sorted set, a set (scores 1), or nothing (a missing key). */
    private static final class Src {
        ZSet z;
        RedisSet s;
        double weight = 1;

        int size() {
            return z != null ? z.size() : s != null ? s.size() : 0;
        }

        double score(byte[] m) {
            if (z != null) {
                return z.score(m);
            }
            return s != null && s.contains(m, 0, m.length) ? 1 : Double.NaN;
        }

        void forEach(ZSet.ElementVisitor v) {
            if (z != null) {
                z.forEach(v);
            } else if (s != null) {
                for (int p = s.first(); p >= 0; p = s.next(p)) {
                    v.visit(s.memberAt(p), 1);
                }
            }
        }
    }

    private static double weighted(double w, double v) {
        double r = w * v;
        return Double.isNaN(r) ? 0 : r;
    }

    private static double aggregate(int how, double a, double b) {
        if (how == MIN) {
            return b < a ? b : a;
        }
        if (how == MAX) {
            return b > a ? b : a;
        }
        double r = a + b;
        return Double.isNaN(r) ? 0 : r; // inf + -inf
    }

    static void run(CommandContext c, int op, boolean store, boolean cardOnly) {
        int numIdx = store ? 2 : 1;
        Long num = c.longArg(numIdx);
        if (num == null) {
            return;
        }
        if (num < 1) {
            c.reply.error("ERR at least 1 input key is needed for '" + c.spec.fullName() + "' command");
            return;
        }
        if (num > c.argc() - numIdx - 1) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        int n = (int) (long) num;
        Src[] src = new Src[n];
        Database db = c.db();
        int j = numIdx + 1;
        for (int i = 0; i < n; i++, j++) {
            src[i] = new Src();
            Object e = db.lookupRead(c.args, j);
            if (e == null) {
                continue;
            }
            Object v = e instanceof KeyEntry k ? k.value : null;
            if (v instanceof ZSet z) {
                src[i].z = z;
            } else if (v instanceof RedisSet s) {
                src[i].s = s;
            } else {
                c.reply.error(Errors.WRONGTYPE);
                return;
            }
        }
        int how = SUM;
        boolean withScores = false;
        long limit = 0;
        while (j < c.argc()) {
            int left = c.argc() - j;
            if (op != DIFF && !cardOnly && left >= n + 1 && c.args.is(j, "WEIGHTS")) {
                j++;
                for (int i = 0; i < n; i++, j++) {
                    src[i].weight = Zsets.value(c, j, "ERR weight value is not a float");
                    if (Double.isNaN(src[i].weight)) {
                        return;
                    }
                }
            } else if (op != DIFF && !cardOnly && left >= 2 && c.args.is(j, "AGGREGATE")) {
                j++;
                if (c.args.is(j, "SUM")) {
                    how = SUM;
                } else if (c.args.is(j, "MIN")) {
                    how = MIN;
                } else if (c.args.is(j, "MAX")) {
                    how = MAX;
                } else {
                    c.reply.error(Errors.SYNTAX);
                    return;
                }
                j++;
            } else if (!store && !cardOnly && c.args.is(j, "WITHSCORES")) {
                j++;
                withScores = true;
            } else if (cardOnly && left >= 2 && c.args.is(j, "LIMIT")) {
                j++;
                if (!c.args.isLong(j) || c.args.longValue(j) < 0) {
                    c.reply.error("ERR LIMIT can't be negative");
                    return;
                }
                limit = c.args.longValue(j);
                j++;
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        if (op != DIFF) {
            Arrays.sort(src, Comparator.comparingInt(Src::size));
        }
        RedisConfig cfg = c.server.config();
        ZSet result = ZSet.create(Long.MAX_VALUE, 0, 0, 0);
        long[] cardinality = {0};
        if (op == INTER) {
            inter(src, how, result, cardOnly, limit, cardinality, cfg);
        } else if (op == UNION) {
            int agg = how;
            for (Src s : src) {
                s.forEach((m, v) -> {
                    double w = weighted(s.weight, v);
                    double cur = result.score(m);
                    result.put(m, Double.isNaN(cur) ? w : aggregate(agg, cur, w), Long.MAX_VALUE, Long.MAX_VALUE);
                });
            }
        } else if (src[0].size() > 0) {
            src[0].forEach((m, v) -> {
                for (int i = 1; i < src.length; i++) {
                    if (!Double.isNaN(src[i].score(m))) {
                        return;
                    }
                }
                result.put(m, v, Long.MAX_VALUE, Long.MAX_VALUE);
            });
        }
        if (cardOnly) {
            c.reply.integer(cardinality[0]);
        } else if (store) {
            result.shrinkIfSmall(cfg.zsetMaxListpackEntries, cfg.zsetMaxListpackValue);
            String event = op == UNION ? "zunionstore" : op == INTER ? "zinterstore" : "zdiffstore";
            storeResult(c, c.args.bytes(1), result, event);
        } else {
            Zsets.header(c, result.size(), withScores);
            if (result.size() > 0) {
                ZSet.Cursor cur = result.cursor(0);
                for (; cur.valid(); cur.next()) {
                    Zsets.element(c, cur.buf, cur.off, cur.len, cur.score, withScores);
                }
            }
        }
    }

    private static void inter(
            Src[] src, int how, ZSet result, boolean cardOnly, long limit, long[] card, RedisConfig cfg) {
        if (src[0].size() == 0) {
            return;
        }
        src[0].forEach((m, v) -> {
            if (cardOnly && limit > 0 && card[0] >= limit) {
                return;
            }
            double score = weighted(src[0].weight, v);
            for (int i = 1; i < src.length; i++) {
                double o = src[i].score(m);
                if (Double.isNaN(o)) {
                    return;
                }
                score = aggregate(how, score, weighted(src[i].weight, o));
            }
            card[0]++;
            if (!cardOnly) {
                result.put(m, score, Long.MAX_VALUE, Long.MAX_VALUE);
            }
        });
    }

    /** Stores a STORE command's result at {@code dst} (deleting it when the result is empty) and replies its size. */
    static void storeResult(CommandContext c, byte[] dst, ZSet result, String event) {
        Database db = c.db();
        Object old = db.lookup(dst);
        if (result != null && result.size() > 0) {
            db.putFound(new KeyEntry(dst, result, c.server.keyspace().lruClock()));
            c.reply.integer(result.size());
            Zsets.event(c, event, dst);
            Blocked.signal(c, dst);
        } else {
            c.reply.integer(0);
            if (old != null) {
                db.deleteFound();
                c.server.notifications().keyspaceEvent(Notifications.GENERIC, "del", dst, c.client.db);
            }
        }
    }
}
