package dev.petrel.redis.command.list;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.list.QuickList;

/**
 * List commands that add, read, change or trim in place: LPUSH, RPUSH, LPUSHX, RPUSHX, LLEN, LINDEX, LRANGE, LSET,
 * LINSERT, LREM, LTRIM. LPOS is in {@link ListSearch}, the pops and moves in {@link ListPops}, the blocking ones in
 * {@link BlockingPops}; all are registered from here.
 */
public final class ListCommands {
    private ListCommands() {}

    static final String PUSH_COMPLEXITY =
            "O(1) for each element added, so O(N) to add N elements when the command is called with multiple"
                    + " arguments.";

    public static void register(CommandTable t) {
        t.add(push("LPUSH", "1.0.0", "Prepend one or multiple elements to a list"), c -> push(c, true, false));
        t.add(push("RPUSH", "1.0.0", "Append one or multiple elements to a list"), c -> push(c, false, false));
        t.add(
                push("LPUSHX", "2.2.0", "Prepend an element to a list, only if the list exists"),
                c -> push(c, true, true));
        t.add(
                push("RPUSHX", "2.2.0", "Append an element to a list, only if the list exists"),
                c -> push(c, false, true));
        t.add(
                spec("LLEN")
                        .arity(2)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("list")
                        .complexity("O(1)")
                        .summary("Get the length of a list")
                        .syntax("key"),
                ListCommands::llen);
        t.add(
                spec("LINDEX")
                        .arity(3)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("list")
                        .complexity("O(N) where N is the number of elements to traverse to get to the element at"
                                + " index. This makes asking for the first or the last element of the list O(1).")
                        .summary("Get an element from a list by its index")
                        .syntax("key index"),
                ListCommands::lindex);
        t.add(
                spec("LRANGE")
                        .arity(4)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("list")
                        .complexity("O(S+N) where S is the distance of start offset from HEAD for small lists, from"
                                + " nearest end (HEAD or TAIL) for large lists; and N is the number of elements in"
                                + " the specified range.")
                        .summary("Get a range of elements from a list")
                        .syntax("key start stop"),
                ListCommands::lrange);
        t.add(
                spec("LSET")
                        .arity(4)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("list")
                        .complexity("O(N) where N is the length of the list. Setting either the first or the last"
                                + " element of the list is O(1).")
                        .summary("Set the value of an element in a list by its index")
                        .syntax("key index element"),
                ListCommands::lset);
        t.add(
                spec("LINSERT")
                        .arity(5)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("list")
                        .since("2.2.0")
                        .complexity("O(N) where N is the number of elements to traverse before seeing the value"
                                + " pivot. This means that inserting somewhere on the left end on the list (head) can"
                                + " be considered O(1) and inserting somewhere on the right end (tail) is O(N).")
                        .summary("Insert an element before or after another element in a list")
                        .syntax("key <BEFORE | AFTER> pivot element"),
                ListCommands::linsert);
        t.add(
                spec("LREM")
                        .arity(4)
                        .flags(WRITE)
                        .keys(1, 1, 1)
                        .group("list")
                        .complexity("O(N+M) where N is the length of the list and M is the number of elements"
                                + " removed.")
                        .summary("Remove elements from a list")
                        .syntax("key count element"),
                ListCommands::lrem);
        t.add(
                spec("LTRIM")
                        .arity(4)
                        .flags(WRITE)
                        .keys(1, 1, 1)
                        .group("list")
                        .complexity("O(N) where N is the number of elements to be removed by the operation.")
                        .summary("Trim a list to the specified range")
                        .syntax("key start stop"),
                ListCommands::ltrim);
        ListSearch.register(t);
        ListPops.register(t);
        BlockingPops.register(t);
    }

    private static dev.petrel.redis.command.CommandSpec push(String name, String since, String summary) {
        return spec(name)
                .arity(-3)
                .flags(WRITE, DENYOOM, FAST)
                .keys(1, 1, 1)
                .group("list")
                .since(since)
                .complexity(PUSH_COMPLEXITY)
                .summary(summary)
                .syntax("key element [element ...]");
    }

    /** LPUSH / RPUSH / LPUSHX / RPUSHX key element [element ...] */
    static void push(CommandContext c, boolean head, boolean onlyIfExists) {
        KeyEntry e = Lists.find(c, 1, false);
        if (e == Lists.WRONG) {
            return;
        }
        if (e == null) {
            if (onlyIfExists) {
                c.reply.integer(0);
                return;
            }
            e = Lists.create(c, c.args.bytes(1));
        }
        QuickList q = Lists.list(e);
        for (int i = 2; i < c.argc(); i++) {
            q.push(head, c.args, i);
        }
        c.reply.integer(q.size());
        Lists.pushed(c, e.key, head);
    }

    /** LLEN key */
    static void llen(CommandContext c) {
        KeyEntry e = Lists.find(c, 1, true);
        if (e != Lists.WRONG) {
            c.reply.integer(e == null ? 0 : Lists.list(e).size());
        }
    }

    /** LINDEX key index */
    static void lindex(CommandContext c) {
        KeyEntry e = Lists.find(c, 1, true);
        if (e == Lists.WRONG) {
            return;
        }
        if (e == null) {
            c.reply.nullBulk();
            return;
        }
        Long index = c.longArg(2);
        if (index == null) {
            return;
        }
        QuickList.Cursor at = Lists.list(e).at(index);
        if (at == null) {
            c.reply.nullBulk();
        } else {
            at.reply(c.reply);
        }
    }

    /** LRANGE key start stop */
    static void lrange(CommandContext c) {
        Long start = c.longArg(2);
        Long stop = start == null ? null : c.longArg(3);
        if (stop == null) {
            return;
        }
        KeyEntry e = Lists.find(c, 1, true);
        if (e == Lists.WRONG) {
            return;
        }
        long len = e == null ? 0 : Lists.list(e).size();
        long[] r = range(start, stop, len);
        c.reply.array((int) r[1]);
        if (r[1] > 0) {
            QuickList.Cursor at = Lists.list(e).at(r[0]);
            for (long k = 0; k < r[1]; k++, at.next()) {
                at.reply(c.reply);
            }
        }
    }

    /** Redis's range rules: {first index, count} of [start, stop] in a list of {@code len}. */
    static long[] range(long start, long stop, long len) {
        if (start < 0) {
            start = Math.max(0, start + len);
        }
        if (stop < 0) {
            stop += len;
        }
        if (start > stop || start >= len) {
            return new long[] {0, 0};
        }
        stop = Math.min(stop, len - 1);
        return new long[] {start, stop - start + 1};
    }

    /** LSET key index element */
    static void lset(CommandContext c) {
        KeyEntry e = Lists.find(c, 1, false);
        if (e == Lists.WRONG) {
            return;
        }
        if (e == null) {
            c.reply.error(Errors.NO_SUCH_KEY);
            return;
        }
        Long index = c.longArg(2);
        if (index == null) {
            return;
        }
        QuickList.Cursor at = Lists.list(e).at(index);
        if (at == null) {
            c.reply.error("ERR index out of range");
            return;
        }
        at.replace(QuickList.encode(c.args, 3));
        c.reply.ok();
        Lists.event(c, "lset", e.key);
    }

    /** LINSERT key BEFORE|AFTER pivot element */
    static void linsert(CommandContext c) {
        boolean after = c.args.is(2, "AFTER");
        if (!after && !c.args.is(2, "BEFORE")) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        KeyEntry e = Lists.find(c, 1, false);
        if (e == Lists.WRONG) {
            return;
        }
        if (e == null) {
            c.reply.integer(0);
            return;
        }
        QuickList q = Lists.list(e);
        byte[] pivot = QuickList.encode(c.args, 3);
        for (QuickList.Cursor at = q.end(true); at.valid(); at.next()) {
            if (at.matches(pivot)) {
                at.insert(QuickList.encode(c.args, 4), after);
                c.reply.integer(q.size());
                Lists.event(c, "linsert", e.key);
                return;
            }
        }
        c.reply.integer(-1);
    }

    /** LREM key count element */
    static void lrem(CommandContext c) {
        Long count = c.longArg(2);
        if (count == null) {
            return;
        }
        KeyEntry e = Lists.find(c, 1, false);
        if (e == Lists.WRONG) {
            return;
        }
        if (e == null) {
            c.reply.integer(0);
            return;
        }
        QuickList q = Lists.list(e);
        byte[] needle = QuickList.encode(c.args, 3);
        boolean fromHead = count >= 0;
        long limit = count == 0 ? Long.MAX_VALUE : count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
        long removed = 0;
        QuickList.Cursor at = q.end(fromHead);
        while (at.valid() && removed < limit) {
            if (at.matches(needle)) {
                at.remove(); // the cursor is now on the element after it
                removed++;
                if (fromHead) {
                    continue;
                }
                if (at.valid()) {
                    if (!at.prev()) {
                        break;
                    }
                } else if (q.size() == 0) {
                    break;
                } else {
                    at = q.end(false);
                }
            } else if (!(fromHead ? at.next() : at.prev())) {
                break;
            }
        }
        c.reply.integer(removed);
        if (removed > 0) {
            Lists.event(c, "lrem", e.key);
            Lists.deleteIfEmpty(c, e);
        }
    }

    /** LTRIM key start stop */
    static void ltrim(CommandContext c) {
        Long start = c.longArg(2);
        Long stop = start == null ? null : c.longArg(3);
        if (stop == null) {
            return;
        }
        KeyEntry e = Lists.find(c, 1, false);
        if (e == Lists.WRONG) {
            return;
        }
        if (e == null) {
            c.reply.ok();
            return;
        }
        QuickList q = Lists.list(e);
        long len = q.size();
        long[] r = range(start, stop, len);
        if (r[1] == 0) {
            q.removeRange(0, len);
        } else {
            q.removeRange(r[0] + r[1], len - r[0] - r[1]);
            q.removeRange(0, r[0]);
        }
        c.reply.ok();
        Lists.event(c, "ltrim", e.key);
        Lists.deleteIfEmpty(c, e);
    }
}
