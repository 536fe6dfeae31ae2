package dev.petrel.redis.command.zset;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.keys.ScanArgs;
import dev.petrel.redis.data.zset.Doubles;
import dev.petrel.redis.data.zset.ZSet;
import dev.petrel.redis.keyspace.Glob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ZSCAN. A packed set answers whole in one call with cursor 0, its scores printed as a listpack holds them (integers in
 * plain digits); a skiplist set walks its member table a bucket at a time in reverse-binary cursor order, scores
 * printed as replies print them — both as Redis 7.0 does.
 */
final class ZScanCommand {
    private ZScanCommand() {}

    static void register(CommandTable t) {
        t.add(
                spec("ZSCAN")
                        .complexity("O(1) for every call. O(N) for a complete iteration, including enough command"
                                + " calls for the cursor to return back to 0. N is the number of elements inside the"
                                + " collection..")
                        .arity(-3)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("sorted-set")
                        .since("2.8.0")
                        .summary("Incrementally iterate sorted sets elements and associated scores")
                        .syntax("key cursor [MATCH pattern] [COUNT count]"),
                ZScanCommand::zscan);
    }

    /** ZSCAN key cursor [MATCH pattern] [COUNT count] */
    static void zscan(CommandContext c) {
        ScanArgs a = ScanArgs.cursor(c, 2);
        if (a == null) {
            return;
        }
        ZSet z = Zsets.get(c, 1, true);
        if (z == Zsets.WRONG) {
            return;
        }
        if (z == null) {
            ScanArgs.replyEmpty(c);
            return;
        }
        if (a.options(c, 3, false) == null) {
            return;
        }
        long count = a.count;
        byte[] pattern = a.pattern;
        long cursor = a.cursor;
        List<byte[]> found = new ArrayList<>();
        if (z.compact()) {
            z.forEach((m, s) -> {
                found.add(m);
                found.add(Doubles.d2string(s).getBytes(StandardCharsets.US_ASCII));
            });
            cursor = 0;
        } else {
            long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
            do {
                cursor = z.scan(cursor, (m, s) -> {
                    found.add(m);
                    found.add(Doubles.formatBytes(s));
                });
            } while (cursor != 0 && budget-- > 0 && found.size() < 2 * count);
        }
        int n = 0;
        for (int i = 0; i < found.size(); i += 2) {
            if (pattern == null || Glob.match(pattern, found.get(i))) {
                found.set(n++, found.get(i));
                found.set(n++, found.get(i + 1));
            }
        }
        ScanArgs.replyCursor(c, cursor);
        c.reply.array(n);
        for (int i = 0; i < n; i++) {
            c.reply.bulk(found.get(i));
        }
    }
}
