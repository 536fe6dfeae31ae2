package dev.petrel.redis.command.zset;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.BLOCKING;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.MOVABLE_KEYS;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.blocking.Blocking;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.data.zset.ZSet;

/**
 * BZPOPMIN, BZPOPMAX and BZMPOP: pop at once when a key has elements, otherwise wait on the keys through the generic
 * {@link Blocking} machinery, which calls back when ZADD, ZINCRBY or a STORE makes one of them ready.
 */
final class ZBlockingCommands {
    private ZBlockingCommands() {}

    static void register(CommandTable t) {
        for (boolean max : new boolean[] {false, true}) {
            String word = max ? "highest" : "lowest";
            t.add(
                    spec(max ? "BZPOPMAX" : "BZPOPMIN")
                            .arity(-3)
                            .flags(WRITE, NOSCRIPT, BLOCKING, FAST)
                            .keys(1, -2, 1)
                            .group("sorted-set")
                            .since("5.0.0")
                            .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                            .summary("Remove and return the member with the " + word + " score from one or more sorted"
                                    + " sets, or block until one is available")
                            .syntax("key [key ...] timeout"),
                    c -> bzpop(c, max));
        }
        t.add(
                spec("BZMPOP")
                        .arity(-5)
                        .flags(WRITE, BLOCKING, MOVABLE_KEYS)
                        .group("sorted-set")
                        .since("7.0.0")
                        .complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of"
                                + " elements in the sorted set, and M being the number of elements popped.")
                        .summary("Remove and return members with scores in a sorted set or block until one is"
                                + " available")
                        .syntax("timeout numkeys key [key ...] MIN | MAX [COUNT count]"),
                ZBlockingCommands::bzmpop);
    }

    /** BZPOPMIN key [key ...] timeout, BZPOPMAX key [key ...] timeout */
    static void bzpop(CommandContext c, boolean max) {
        long timeout = Blocking.timeoutMillis(c, c.argc() - 1);
        if (timeout < 0) {
            return;
        }
        byte[][] keys = new byte[c.argc() - 2][];
        for (int i = 1; i < c.argc() - 1; i++) {
            ZSet z = Zsets.get(c, i, false);
            if (z == Zsets.WRONG) {
                return;
            }
            if (z != null) {
                popOne(c, z, c.args.bytes(i), max);
                return;
            }
            keys[i - 1] = c.args.bytes(i);
        }
        c.server.blocking().block(c, keys, timeout, (bc, key) -> {
            ZSet z = ready(bc, key);
            if (z == null) {
                return false;
            }
            popOne(bc, z, key, max);
            return true;
        });
    }

    /** [key, member, score], popping one element. */
    private static void popOne(CommandContext c, ZSet z, byte[] key, boolean max) {
        c.reply.array(3);
        c.reply.bulk(key);
        ZPopCommands.pop(c, z, key, max, 1, false);
    }

    /** The non-empty sorted set now at {@code key} of the blocked client's database (looked up last), or null. */
    private static ZSet ready(CommandContext bc, byte[] key) {
        Object e = bc.db().lookup(key);
        if (e instanceof dev.petrel.redis.data.KeyEntry k && k.value instanceof ZSet z && z.size() > 0) {
            return z;
        }
        return null;
    }

    /** BZMPOP timeout numkeys key [key ...] MIN | MAX [COUNT count] */
    static void bzmpop(CommandContext c) {
        long timeout = Blocking.timeoutMillis(c, 1);
        if (timeout < 0) {
            return;
        }
        long[] parsed = ZPopCommands.parseMpop(c, 2);
        if (parsed == null) {
            return;
        }
        int numkeys = (int) parsed[0];
        boolean max = parsed[1] == 1;
        long count = parsed[2];
        byte[][] keys = new byte[numkeys][];
        for (int i = 0; i < numkeys; i++) {
            ZSet z = Zsets.get(c, 3 + i, false);
            if (z == Zsets.WRONG) {
                return;
            }
            if (z != null) {
                ZPopCommands.replyMpop(c, z, c.args.bytes(3 + i), max, count);
                return;
            }
            keys[i] = c.args.bytes(3 + i);
        }
        c.server.blocking().block(c, keys, timeout, (bc, key) -> {
            ZSet z = ready(bc, key);
            if (z == null) {
                return false;
            }
            ZPopCommands.replyMpop(bc, z, key, max, count);
            return true;
        });
    }
}
