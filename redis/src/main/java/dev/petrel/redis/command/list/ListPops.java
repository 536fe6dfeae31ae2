package dev.petrel.redis.command.list;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.MOVABLE_KEYS;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.list.QuickList;

/** LPOP, RPOP, LMPOP, RPOPLPUSH, LMOVE, and the pop and move steps the blocking variants share with them. */
final class ListPops {
    private ListPops() {}

    static final String MPOP_COMPLEXITY =
            "O(N+M) where N is the number of provided keys and M is the number of elements returned.";

    static void register(CommandTable t) {
        t.add(
                spec("LPOP")
                        .arity(-2)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("list")
                        .complexity("O(N) where N is the number of elements returned")
                        .summary("Remove and get the first elements in a list")
                        .syntax("key [count]"),
                c -> pop(c, true));
        t.add(
                spec("RPOP")
                        .arity(-2)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("list")
                        .complexity("O(N) where N is the number of elements returned")
                        .summary("Remove and get the last elements in a list")
                        .syntax("key [count]"),
                c -> pop(c, false));
        t.add(
                spec("LMPOP")
                        .arity(-4)
                        .flags(WRITE, MOVABLE_KEYS)
                        .keys(0, 0, 0)
                        .group("list")
                        .since("7.0.0")
                        .complexity(MPOP_COMPLEXITY)
                        .summary("Pop elements from a list")
                        .syntax("numkeys key [key ...] <LEFT | RIGHT> [COUNT count]"),
                ListPops::lmpop);
        t.add(
                spec("RPOPLPUSH")
                        .arity(3)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 2, 1)
                        .group("list")
                        .since("1.2.0")
                        .complexity("O(1)")
                        .summary("Remove the last element in a list, prepend it to another list and return it")
                        .syntax("source destination"),
                c -> lmove(c, false, true));
        t.add(
                spec("LMOVE")
                        .arity(5)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 2, 1)
                        .group("list")
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("Pop an element from a list, push it to another list and return it")
                        .syntax("source destination <LEFT | RIGHT> <LEFT | RIGHT>"),
                ListPops::lmove);
    }

    /** LPOP / RPOP key [count] */
    static void pop(CommandContext c, boolean head) {
        long count = -1;
        if (c.argc() == 3) {
            if (!c.args.isLong(2) || c.args.longValue(2) < 0) {
                c.reply.error("ERR value is out of range, must be positive");
                return;
            }
            count = c.args.longValue(2);
        }
        KeyEntry e = Lists.find(c, 1, false);
        if (e == Lists.WRONG) {
            return;
        }
        if (e == null) {
            if (count < 0) {
                c.reply.nullBulk();
            } else {
                c.reply.nullArray();
            }
            return;
        }
        QuickList q = Lists.list(e);
        if (count < 0) {
            q.popReply(head, c.reply);
        } else {
            long n = Math.min(count, q.size());
            c.reply.array((int) n);
            if (n == 0) {
                return;
            }
            for (long k = 0; k < n; k++) {
                q.popReply(head, c.reply);
            }
        }
        Lists.event(c, head ? "lpop" : "rpop", e.key);
        Lists.deleteIfEmpty(c, e);
    }

    /** Pops up to {@code count} elements, replying [key, [elements]] as LMPOP does. */
    static void popMany(CommandContext c, KeyEntry e, boolean head, long count) {
        QuickList q = Lists.list(e);
        long n = Math.min(count, q.size());
        c.reply.array(2);
        c.reply.bulk(e.key);
        c.reply.array((int) n);
        for (long k = 0; k < n; k++) {
            q.popReply(head, c.reply);
        }
        Lists.event(c, head ? "lpop" : "rpop", e.key);
        Lists.deleteIfEmpty(c, e);
    }

    /** LMPOP's and BLMPOP's arguments after the timeout. */
    record Mpop(int firstKey, int numKeys, boolean head, long count) {}

    /** Parses numkeys (at {@code at}), the keys, the direction and COUNT; null after replying an error. */
    static Mpop parseMpop(CommandContext c, int at) {
        if (!c.args.isLong(at) || c.args.longValue(at) <= 0) {
            c.reply.error("ERR numkeys should be greater than 0");
            return null;
        }
        long numKeys = c.args.longValue(at);
        int where = at + 1 + (int) Math.min(numKeys, Integer.MAX_VALUE / 2);
        if (numKeys > c.argc() - at - 1 || where >= c.argc()) {
            c.reply.error(Errors.SYNTAX);
            return null;
        }
        Boolean head = direction(c, where);
        if (head == null) {
            return null;
        }
        long count = 1;
        boolean counted = false;
        for (int j = where + 1; j < c.argc(); j += 2) {
            if (counted || !c.args.is(j, "COUNT") || j + 1 >= c.argc()) {
                c.reply.error(Errors.SYNTAX);
                return null;
            }
            if (!c.args.isLong(j + 1) || c.args.longValue(j + 1) <= 0) {
                c.reply.error("ERR count should be greater than 0");
                return null;
            }
            count = c.args.longValue(j + 1);
            counted = true;
        }
        return new Mpop(at + 1, (int) numKeys, head, count);
    }

    /** LEFT (true) or RIGHT (false) at argument {@code i}; null after replying a syntax error. */
    static Boolean direction(CommandContext c, int i) {
        if (c.args.is(i, "LEFT")) {
            return true;
        }
        if (c.args.is(i, "RIGHT")) {
            return false;
        }
        c.reply.error(Errors.SYNTAX);
        return null;
    }

    /** LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count] */
    static void lmpop(CommandContext c) {
        Mpop m = parseMpop(c, 1);
        if (m != null && !mpopNow(c, m)) {
            c.reply.nullArray();
        }
    }

    /** Pops from the first non-empty key of {@code m}; false if there is none (nothing replied then). */
    static boolean mpopNow(CommandContext c, Mpop m) {
        for (int i = m.firstKey(); i < m.firstKey() + m.numKeys(); i++) {
            KeyEntry e = Lists.find(c, i, false);
            if (e == Lists.WRONG) {
                return true;
            }
            if (e != null) {
                popMany(c, e, m.head(), m.count());
                return true;
            }
        }
        return false;
    }

    /** LMOVE source destination LEFT|RIGHT LEFT|RIGHT */
    static void lmove(CommandContext c) {
        Boolean from = direction(c, 3);
        Boolean to = from == null ? null : direction(c, 4);
        if (to != null) {
            lmove(c, from, to);
        }
    }

    static void lmove(CommandContext c, boolean fromHead, boolean toHead) {
        KeyEntry src = Lists.find(c, 1, false);
        if (src == Lists.WRONG) {
            return;
        }
        if (src == null) {
            c.reply.nullBulk();
            return;
        }
        move(c, src, c.args.bytes(2), fromHead, toHead);
    }

    /**
     * Moves one element from the non-empty list {@code src} to {@code dstKey} and replies with it; false, after
     * replying WRONGTYPE, if the destination holds another type. Events as Redis: the push on the destination, then
     * the pop on the source (and "del" if it emptied).
     */
    static boolean move(CommandContext c, KeyEntry src, byte[] dstKey, boolean fromHead, boolean toHead) {
        KeyEntry dst = Lists.find(c, dstKey);
        if (dst == Lists.WRONG) {
            return false;
        }
        byte[] v = Lists.list(src).pop(fromHead);
        if (dst == null) {
            dst = Lists.create(c, dstKey); // the last lookup was the destination's
        }
        Lists.list(dst).push(toHead, v);
        c.reply.bulk(v);
        Lists.pushed(c, dst.key, toHead);
        Lists.event(c, fromHead ? "lpop" : "rpop", src.key);
        Lists.deleteIfEmpty(c, src);
        return true;
    }
}
