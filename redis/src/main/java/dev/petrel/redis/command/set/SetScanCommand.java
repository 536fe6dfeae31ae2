package dev.petrel.redis.command.set;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.keys.ScanArgs;
import dev.petrel.redis.data.Longs;
import dev.petrel.redis.data.set.RedisSet;
import dev.petrel.redis.keyspace.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * SSCAN. An intset answers whole in one call, with cursor 0, as Redis does for compact encodings; a hash table is
 * walked a bucket at a time in reverse-binary cursor order (see {@code data.set.MemberTable}), visiting buckets until
 * COUNT members are found or ten times COUNT buckets have been seen, as Redis's SCAN does.
 */
final class SetScanCommand {
    private SetScanCommand() {}

    static void register(CommandTable t) {
        t.add(
                spec("SSCAN")
                        .complexity("O(1) for every call. O(N) for a complete iteration, including enough command"
                                + " calls for the cursor to return back to 0. N is the number of elements inside the"
                                + " collection..")
                        .arity(-3)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("set")
                        .since("2.8.0")
                        .summary("Incrementally iterate Set elements")
                        .syntax("key cursor [MATCH pattern] [COUNT count]"),
                SetScanCommand::sscan);
    }

    /** SSCAN key cursor [MATCH pattern] [COUNT count] */
    static void sscan(CommandContext c) {
        ScanArgs a = ScanArgs.cursor(c, 2);
        if (a == null) {
            return;
        }
        RedisSet s = Sets.read(c, 1);
        if (s == Sets.WRONG_TYPE) {
            return;
        }
        if (s == null) {
            ScanArgs.replyEmpty(c);
            return; // as Redis: a missing key answers before the options are read
        }
        if (a.options(c, 3, false) == null) {
            return;
        }
        long count = a.count;
        byte[] pattern = a.pattern;
        long cursor = a.cursor;
        List<byte[]> found = new ArrayList<>();
        if (s.isIntset()) {
            for (int p = s.first(); p >= 0; p = s.next(p)) {
                found.add(Longs.toBytes(s.longAt(p)));
            }
            cursor = 0;
        } else {
            long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
            do {
                cursor = s.scan(cursor, found);
            } while (cursor != 0 && budget-- > 0 && found.size() < count);
        }
        int n = 0;
        for (int i = 0; i < found.size(); i++) {
            byte[] m = found.get(i);
            if (pattern == null || Glob.match(pattern, m)) {
                found.set(n++, m);
            }
        }
        ScanArgs.replyCursor(c, cursor);
        c.reply.array(n);
        for (int i = 0; i < n; i++) {
            c.reply.bulk(found.get(i));
        }
    }
}
