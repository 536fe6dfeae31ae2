package dev.petrel.redis.command.string;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;
import java.nio.charset.StandardCharsets;

/**
 * LCS: the longest common subsequence of two strings, by the textbook dynamic programme (a table of prefix LCS
 * lengths), then one walk back from the end that yields the subsequence and its matching ranges, last match first.
 * Where both directions keep the same length the walk moves along the second string, which decides which of several
 * equally long answers comes out; Redis walks the same way. The table is bounded by proto-max-bulk-len, as in Redis.
 */
final class LcsCommand {
    private static final byte[] MATCHES = "matches".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LEN = "len".getBytes(StandardCharsets.US_ASCII);

    private LcsCommand() {}

    static void register(CommandTable t) {
        t.add(
                spec("LCS")
                        .complexity("O(N*M) where N and M are the lengths of s1 and s2, respectively")
                        .arity(-3)
                        .flags(READONLY)
                        .keys(1, 2, 1)
                        .group("string")
                        .since("7.0.0")
                        .summary("Find longest common substring")
                        .syntax("key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]"),
                LcsCommand::lcs);
    }

    /** LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN] */
    static void lcs(CommandContext c) {
        Database db = c.db();
        Object ea = db.lookupRead(c.args, 1);
        Object eb = db.lookupRead(c.args, 2);
        if ((ea != null && !(ea instanceof byte[])) || (eb != null && !(eb instanceof byte[]))) {
            c.reply.error(Errors.LCS_NOT_STRINGS);
            return;
        }
        byte[] a = ea == null ? new byte[0] : StringRecord.value((byte[]) ea);
        byte[] b = eb == null ? new byte[0] : StringRecord.value((byte[]) eb);
        boolean idx = false;
        boolean len = false;
        boolean withLen = false;
        long minLen = 0;
        for (int j = 3; j < c.argc(); j++) {
            if (c.args.is(j, "IDX")) {
                idx = true;
            } else if (c.args.is(j, "LEN")) {
                len = true;
            } else if (c.args.is(j, "WITHMATCHLEN")) {
                withLen = true;
            } else if (c.args.is(j, "MINMATCHLEN") && j + 1 < c.argc()) {
                Long m = c.longArg(++j);
                if (m == null) {
                    return;
                }
                minLen = Math.max(m, 0);
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        if (idx && len) {
            c.reply.error(Errors.LCS_LEN_AND_IDX);
            return;
        }
        long cells = (long) (a.length + 1) * (b.length + 1);
        if (cells * 4 > c.server.config().protoMaxBulkLen || cells > Integer.MAX_VALUE - 16) {
            c.reply.error(Errors.LCS_TOO_BIG);
            return;
        }
        int[] table;
        try {
            table = new int[(int) cells];
        } catch (OutOfMemoryError oom) {
            c.reply.error(Errors.LCS_NO_MEMORY);
            return;
        }
        int w = b.length + 1;
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                table[i * w + j] = a[i - 1] == b[j - 1]
                        ? table[(i - 1) * w + j - 1] + 1
                        : Math.max(table[(i - 1) * w + j], table[i * w + j - 1]);
            }
        }
        int total = table[a.length * w + b.length];
        if (len) {
            c.reply.integer(total);
            return;
        }
        walk(c, a, b, table, total, idx, minLen, withLen);
    }

    /** Walks back through the table, replying with the subsequence, or (IDX) with the matching ranges and length. */
    private static void walk(
            CommandContext c, byte[] a, byte[] b, int[] table, int total, boolean idx, long minLen, boolean withLen) {
        int w = b.length + 1;
        byte[] seq = new byte[total];
        int[] ranges = new int[16]; // aStart, aEnd, bStart, bEnd per range
        int count = 0;
        int k = total;
        int i = a.length;
        int j = b.length;
        int aStart = -1; // no range open
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        while (i > 0 && j > 0) {
            boolean close;
            if (a[i - 1] == b[j - 1]) {
                seq[--k] = a[i - 1];
                if (aStart < 0) {
                    aStart = aEnd = i - 1;
                    bStart = bEnd = j - 1;
                } else {
                    aStart--; // consecutive matches extend the range backwards
                    bStart--;
                }
                i--;
                j--;
                close = i == 0 || j == 0;
            } else {
                if (table[(i - 1) * w + j] > table[i * w + j - 1]) {
                    i--;
                } else {
                    j--;
                }
                close = aStart >= 0;
            }
            if (close && aStart >= 0) {
                if (aEnd - aStart + 1 >= minLen) {
                    if (count * 4 + 4 > ranges.length) {
                        ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
                    }
                    ranges[count * 4] = aStart;
                    ranges[count * 4 + 1] = aEnd;
                    ranges[count * 4 + 2] = bStart;
                    ranges[count * 4 + 3] = bEnd;
                    count++;
                }
                aStart = -1;
            }
        }
        if (!idx) {
            c.reply.bulk(seq);
            return;
        }
        c.reply.map(2);
        c.reply.bulk(MATCHES);
        c.reply.array(count);
        for (int n = 0; n < count; n++) {
            c.reply.array(withLen ? 3 : 2);
            c.reply.array(2);
            c.reply.integer(ranges[n * 4]);
            c.reply.integer(ranges[n * 4 + 1]);
            c.reply.array(2);
            c.reply.integer(ranges[n * 4 + 2]);
            c.reply.integer(ranges[n * 4 + 3]);
            if (withLen) {
                c.reply.integer(ranges[n * 4 + 1] - ranges[n * 4] + 1);
            }
        }
        c.reply.bulk(LEN);
        c.reply.integer(total);
    }
}
