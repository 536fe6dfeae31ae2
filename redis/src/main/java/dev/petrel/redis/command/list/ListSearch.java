package dev.petrel.redis.command.list;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.list.QuickList;

/** LPOS: the indexes of matching elements, with RANK, COUNT and MAXLEN. */
final class ListSearch {
    private ListSearch() {}

    static void register(CommandTable t) {
        t.add(
                spec("LPOS")
                        .arity(-3)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("list")
                        .since("6.0.6")
                        .complexity("O(N) where N is the number of elements in the list, for the average case. When"
                                + " searching for elements near the head or the tail of the list, or when the MAXLEN"
                                + " option is provided, the command may run in constant time.")
                        .summary("Return the index of matching elements on a list")
                        .syntax("key element [RANK rank] [COUNT num-matches] [MAXLEN len]"),
                ListSearch::lpos);
    }

    /** LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len] */
    static void lpos(CommandContext c) {
        long rank = 1;
        long count = -1; // -1: no COUNT, a single index or null
        long maxlen = 0;
        for (int i = 3; i < c.argc(); i += 2) {
            if (i + 1 >= c.argc()) {
                c.reply.error(Errors.SYNTAX);
                return;
            }
            Long v;
            if (c.args.is(i, "RANK")) {
                if ((v = c.longArg(i + 1)) == null) {
                    return;
                }
                if (v == 0) {
                    c.reply.error("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second"
                            + " ... or use negative to start from the end of the list");
                    return;
                }
                rank = v;
            } else if (c.args.is(i, "COUNT")) {
                if ((v = c.longArg(i + 1)) == null) {
                    return;
                }
                if (v < 0) {
                    c.reply.error("ERR COUNT can't be negative");
                    return;
                }
                count = v;
            } else if (c.args.is(i, "MAXLEN")) {
                if ((v = c.longArg(i + 1)) == null) {
                    return;
                }
                if (v < 0) {
                    c.reply.error("ERR MAXLEN can't be negative");
                    return;
                }
                maxlen = v;
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        KeyEntry e = Lists.find(c, 1, true);
        if (e == Lists.WRONG) {
            return;
        }
        if (e == null) {
            if (count >= 0) {
                c.reply.array(0);
            } else {
                c.reply.nullBulk();
            }
            return;
        }
        QuickList q = Lists.list(e);
        boolean fromHead = rank > 0;
        if (!fromHead) {
            rank = -rank; // Long.MIN_VALUE stays negative, and then the first match counts, as in Redis
        }
        byte[] needle = QuickList.encode(c.args, 2);
        long matches = 0;
        long found = 0;
        long[] hits = new long[8];
        long k = 0;
        for (QuickList.Cursor at = q.end(fromHead); maxlen == 0 || k < maxlen; k++) {
            if (at.matches(needle) && ++matches >= rank) {
                long index = fromHead ? k : q.size() - 1 - k;
                if (count < 0) {
                    c.reply.integer(index);
                    return;
                }
                if (found == hits.length) {
                    hits = java.util.Arrays.copyOf(hits, hits.length * 2);
                }
                hits[(int) found++] = index;
                if (count != 0 && found == count) {
                    break;
                }
            }
            if (!(fromHead ? at.next() : at.prev())) {
                break;
            }
        }
        if (count < 0) {
            c.reply.nullBulk();
        } else {
            c.reply.array((int) found);
            for (int j = 0; j < found; j++) {
                c.reply.integer(hits[j]);
            }
        }
    }
}
