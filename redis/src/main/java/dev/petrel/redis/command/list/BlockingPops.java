package dev.petrel.redis.command.list;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.BLOCKING;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.MOVABLE_KEYS;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.blocking.Blocking;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.data.KeyEntry;

/**
 * BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BLMPOP: each first tries what its non-blocking form would do; when every key is
 * empty it blocks through {@link Blocking}, with a handler that does the same pop once a key is ready.
 */
final class BlockingPops {
    private BlockingPops() {}

    static void register(CommandTable t) {
        t.add(
                spec("BLPOP")
                        .arity(-3)
                        .flags(WRITE, NOSCRIPT, BLOCKING)
                        .keys(1, -2, 1)
                        .group("list")
                        .since("2.0.0")
                        .complexity("O(N) where N is the number of provided keys.")
                        .summary("Remove and get the first element in a list, or block until one is available")
                        .syntax("key [key ...] timeout"),
                c -> bpop(c, true));
        t.add(
                spec("BRPOP")
                        .arity(-3)
                        .flags(WRITE, NOSCRIPT, BLOCKING)
                        .keys(1, -2, 1)
                        .group("list")
                        .since("2.0.0")
                        .complexity("O(N) where N is the number of provided keys.")
                        .summary("Remove and get the last element in a list, or block until one is available")
                        .syntax("key [key ...] timeout"),
                c -> bpop(c, false));
        t.add(
                spec("BRPOPLPUSH")
                        .arity(4)
                        .flags(WRITE, DENYOOM, NOSCRIPT, BLOCKING)
                        .keys(1, 2, 1)
                        .group("list")
                        .since("2.2.0")
                        .complexity("O(1)")
                        .summary("Pop an element from a list, push it to another list and return it; or block until"
                                + " one is available")
                        .syntax("source destination timeout"),
                c -> bmove(c, false, true, 3));
        t.add(
                spec("BLMOVE")
                        .arity(6)
                        .flags(WRITE, DENYOOM, NOSCRIPT, BLOCKING)
                        .keys(1, 2, 1)
                        .group("list")
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("Pop an element from a list, push it to another list and return it; or block until"
                                + " one is available")
                        .syntax("source destination <LEFT | RIGHT> <LEFT | RIGHT> timeout"),
                BlockingPops::blmove);
        t.add(
                spec("BLMPOP")
                        .arity(-5)
                        .flags(WRITE, BLOCKING, MOVABLE_KEYS)
                        .keys(0, 0, 0)
                        .group("list")
                        .since("7.0.0")
                        .complexity(ListPops.MPOP_COMPLEXITY)
                        .summary("Pop elements from a list, or block until one is available")
                        .syntax("timeout numkeys key [key ...] <LEFT | RIGHT> [COUNT count]"),
                BlockingPops::blmpop);
    }

    /** BLPOP / BRPOP key [key ...] timeout */
    static void bpop(CommandContext c, boolean head) {
        long timeout = Blocking.timeoutMillis(c, c.argc() - 1);
        if (timeout < 0) {
            return;
        }
        for (int i = 1; i < c.argc() - 1; i++) {
            KeyEntry e = Lists.find(c, i, false);
            if (e == Lists.WRONG) {
                return;
            }
            if (e != null) {
                popOne(c, e, head);
                return;
            }
        }
        c.server.blocking().block(c, keys(c, 1, c.argc() - 2), timeout, (bc, key) -> {
            KeyEntry e = Lists.findQuiet(bc, key);
            if (e == null) {
                return false;
            }
            popOne(bc, e, head);
            return true;
        });
    }

    /** Replies [key, element] with the element popped. */
    private static void popOne(CommandContext c, KeyEntry e, boolean head) {
        c.reply.array(2);
        c.reply.bulk(e.key);
        Lists.list(e).popReply(head, c.reply);
        Lists.event(c, head ? "lpop" : "rpop", e.key);
        Lists.deleteIfEmpty(c, e);
    }

    /** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout */
    static void blmove(CommandContext c) {
        Boolean from = ListPops.direction(c, 3);
        Boolean to = from == null ? null : ListPops.direction(c, 4);
        if (to != null) {
            bmove(c, from, to, 5);
        }
    }

    /** BRPOPLPUSH and BLMOVE once their directions are known. */
    static void bmove(CommandContext c, boolean fromHead, boolean toHead, int timeoutArg) {
        long timeout = Blocking.timeoutMillis(c, timeoutArg);
        if (timeout < 0) {
            return;
        }
        KeyEntry src = Lists.find(c, 1, false);
        if (src == Lists.WRONG) {
            return;
        }
        byte[] dstKey = c.args.bytes(2);
        if (src != null) {
            ListPops.move(c, src, dstKey, fromHead, toHead);
            return;
        }
        if (c.client.inMulti) {
            c.reply.nullBulk(); // as Redis: a null string here, though a timeout answers a null array
            return;
        }
        c.server.blocking().block(c, keys(c, 1, 1), timeout, (bc, key) -> {
            KeyEntry e = Lists.findQuiet(bc, key);
            if (e == null) {
                return false;
            }
            ListPops.move(bc, e, dstKey, fromHead, toHead); // a WRONGTYPE destination ends the wait with the error
            return true;
        });
    }

    /** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count] */
    static void blmpop(CommandContext c) {
        ListPops.Mpop m = ListPops.parseMpop(c, 2);
        if (m == null) {
            return;
        }
        long timeout = Blocking.timeoutMillis(c, 1);
        if (timeout < 0 || ListPops.mpopNow(c, m)) {
            return;
        }
        c.server.blocking().block(c, keys(c, m.firstKey(), m.firstKey() + m.numKeys() - 1), timeout, (bc, key) -> {
            KeyEntry e = Lists.findQuiet(bc, key);
            if (e == null) {
                return false;
            }
            ListPops.popMany(bc, e, m.head(), m.count());
            return true;
        });
    }

    /** Copies of key arguments {@code first..last}: the arguments do not outlive the command. */
    private static byte[][] keys(CommandContext c, int first, int last) {
        byte[][] keys = new byte[last - first + 1][];
        for (int i = first; i <= last; i++) {
            keys[i - first] = c.args.bytes(i);
        }
        return keys;
    }
}
