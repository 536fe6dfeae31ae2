package dev.petrel.redis.command.set;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.MOVABLE_KEYS;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.set.RedisSet;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Set algebra: SINTER, SUNION, SDIFF, their STORE forms, and SINTERCARD. Every source key is looked up and type
 * checked before any work (so a WRONGTYPE anywhere wins, as in Redis 7.0); a missing key is an empty set. A result is
 * built as a new set member by member, so it takes the encoding Redis would give it (an intset while it can).
 */
final class SetAlgebraCommands {
    private static final String INTER =
            "O(N*M) worst case where N is the cardinality of the smallest set and M is the" + " number of sets.";
    private static final String ALL = "O(N) where N is the total number of elements in all given sets.";

    private SetAlgebraCommands() {}

    static void register(CommandTable t) {
        t.add(read("SINTER", INTER, "Intersect multiple sets"), c -> reply(c, inter(c, sources(c, 1))));
        t.add(
                write("SINTERSTORE", INTER, "Intersect multiple sets and store the resulting set in a key"),
                c -> store(c, inter(c, sources(c, 2)), "sinterstore"));
        t.add(read("SUNION", ALL, "Add multiple sets"), c -> reply(c, union(c, sources(c, 1))));
        t.add(
                write("SUNIONSTORE", ALL, "Add multiple sets and store the resulting set in a key"),
                c -> store(c, union(c, sources(c, 2)), "sunionstore"));
        t.add(read("SDIFF", ALL, "Subtract multiple sets"), c -> reply(c, diff(c, sources(c, 1))));
        t.add(
                write("SDIFFSTORE", ALL, "Subtract multiple sets and store the resulting set in a key"),
                c -> store(c, diff(c, sources(c, 2)), "sdiffstore"));
        t.add(
                spec("SINTERCARD")
                        .complexity(INTER)
                        .arity(-3)
                        .flags(READONLY, MOVABLE_KEYS)
                        .keys(0, 0, 0)
                        .group("set")
                        .since("7.0.0")
                        .summary("Intersect multiple sets and return the cardinality of the result")
                        .syntax("numkeys key [key ...] [LIMIT limit]"),
                SetAlgebraCommands::sintercard);
    }

    private static dev.petrel.redis.command.CommandSpec read(String name, String complexity, String summary) {
        return spec(name)
                .complexity(complexity)
                .arity(-2)
                .flags(READONLY)
                .keys(1, -1, 1)
                .group("set")
                .summary(summary)
                .syntax("key [key ...]");
    }

    private static dev.petrel.redis.command.CommandSpec write(String name, String complexity, String summary) {
        return spec(name)
                .complexity(complexity)
                .arity(-3)
                .flags(WRITE, DENYOOM)
                .keys(1, -1, 1)
                .group("set")
                .summary(summary)
                .syntax("destination key [key ...]");
    }

    /** Marks that a WRONGTYPE has been replied. */
    private static final RedisSet[] WRONG = new RedisSet[0];

    /** The sets at key arguments {@code from..from+n) (null entries for missing keys), or {@link #WRONG}. */
    private static RedisSet[] sources(CommandContext c, int from, int n) {
        RedisSet[] sets = new RedisSet[n];
        for (int i = 0; i < n; i++) {
            sets[i] = Sets.of(c.db().lookupRead(c.args, from + i));
            if (sets[i] == Sets.WRONG_TYPE) {
                c.reply.error(Errors.WRONGTYPE);
                return WRONG;
            }
        }
        return sets;
    }

    private static RedisSet[] sources(CommandContext c, int from) {
        return sources(c, from, c.argc() - from);
    }

    /** The intersection, or null when it is empty; {@link Sets#WRONG_TYPE} after a WRONGTYPE reply. */
    private static RedisSet inter(CommandContext c, RedisSet[] sets) {
        if (sets == WRONG) {
            return Sets.WRONG_TYPE;
        }
        for (RedisSet s : sets) {
            if (s == null) {
                return null;
            }
        }
        // Walk the smallest set, checking each member against the others.
        Arrays.sort(sets, Comparator.comparingInt(RedisSet::size));
        RedisSet first = sets[0];
        long max = Sets.maxIntset(c);
        RedisSet out = new RedisSet();
        for (int p = first.first(); p >= 0; p = first.next(p)) {
            if (inAll(sets, first, p)) {
                Sets.addFrom(out, first, p, max);
            }
        }
        return out;
    }

    private static boolean inAll(RedisSet[] sets, RedisSet first, int p) {
        for (int j = 1; j < sets.length; j++) {
            if (sets[j] != first && !Sets.containsFrom(sets[j], first, p)) {
                return false;
            }
        }
        return true;
    }

    private static RedisSet union(CommandContext c, RedisSet[] sets) {
        if (sets == WRONG) {
            return Sets.WRONG_TYPE;
        }
        long max = Sets.maxIntset(c);
        RedisSet out = new RedisSet();
        for (RedisSet s : sets) {
            if (s != null) {
                for (int p = s.first(); p >= 0; p = s.next(p)) {
                    Sets.addFrom(out, s, p, max);
                }
            }
        }
        return out;
    }

    private static RedisSet diff(CommandContext c, RedisSet[] sets) {
        if (sets == WRONG) {
            return Sets.WRONG_TYPE;
        }
        RedisSet first = sets[0];
        if (first == null) {
            return null;
        }
        long max = Sets.maxIntset(c);
        RedisSet out = new RedisSet();
        for (int p = first.first(); p >= 0; p = first.next(p)) {
            if (!inAny(sets, first, p)) {
                Sets.addFrom(out, first, p, max);
            }
        }
        return out;
    }

    private static boolean inAny(RedisSet[] sets, RedisSet first, int p) {
        for (int j = 1; j < sets.length; j++) {
            if (sets[j] == first || (sets[j] != null && Sets.containsFrom(sets[j], first, p))) {
                return true;
            }
        }
        return false;
    }

    private static void reply(CommandContext c, RedisSet result) {
        if (result != Sets.WRONG_TYPE) {
            Sets.replyAll(c, result);
        }
    }

    private static void store(CommandContext c, RedisSet result, String event) {
        if (result != Sets.WRONG_TYPE) {
            Sets.store(c, 1, result, event);
        }
    }

    /** SINTERCARD numkeys key [key ...] [LIMIT limit] */
    static void sintercard(CommandContext c) {
        if (!c.args.isLong(1) || c.args.longValue(1) <= 0) {
            c.reply.error(Errors.NUMKEYS_ZERO);
            return;
        }
        long numkeys = c.args.longValue(1);
        if (numkeys > c.argc() - 2) {
            c.reply.error(Errors.NUMKEYS_MORE_THAN_ARGS);
            return;
        }
        long limit = 0;
        for (int i = 2 + (int) numkeys; i < c.argc(); i += 2) {
            if (!c.args.is(i, "LIMIT") || i + 1 >= c.argc()) {
                c.reply.error(Errors.SYNTAX);
                return;
            }
            if (!c.args.isLong(i + 1) || c.args.longValue(i + 1) < 0) {
                c.reply.error(Errors.LIMIT_NEGATIVE);
                return;
            }
            limit = c.args.longValue(i + 1);
        }
        RedisSet[] sets = sources(c, 2, (int) numkeys);
        if (sets == WRONG) {
            return;
        }
        for (RedisSet s : sets) {
            if (s == null) {
                c.reply.integer(0);
                return;
            }
        }
        Arrays.sort(sets, Comparator.comparingInt(RedisSet::size));
        RedisSet first = sets[0];
        long n = 0;
        for (int p = first.first(); p >= 0 && (limit == 0 || n < limit); p = first.next(p)) {
            if (inAll(sets, first, p)) {
                n++;
            }
        }
        c.reply.integer(n);
    }
}
