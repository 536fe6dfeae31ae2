package dev.petrel.redis.command.hash;

import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.keys.ScanArgs;
import dev.petrel.redis.data.hash.RedisHash;
import dev.petrel.redis.keyspace.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * HSCAN key cursor [MATCH pattern] [COUNT count]. A packed hash answers everything at once with cursor 0, as Redis
 * answers a listpack; a table is walked a bucket at a time in reverse-binary cursor order until COUNT pairs are
 * collected or ten times as many buckets visited. MATCH filters the collected fields afterwards, as in Redis.
 */
final class HashScanCommand {

    private HashScanCommand() {}

    static void register(CommandTable t) {
        t.add(
                HashCommands.hash(
                                "HSCAN",
                                -3,
                                "cursor [MATCH pattern] [COUNT count]",
                                "Incrementally iterate hash fields and associated values")
                        .flags(READONLY)
                        .since("2.8.0")
                        .complexity("O(1) for every call. O(N) for a complete iteration, including enough command"
                                + " calls for the cursor to return back to 0. N is the number of elements inside"
                                + " the collection.."),
                HashScanCommand::hscan);
    }

    /** HSCAN key cursor [MATCH pattern] [COUNT count] */
    static void hscan(CommandContext c) {
        ScanArgs a = ScanArgs.cursor(c, 2);
        if (a == null) {
            return;
        }
        RedisHash h = Hashes.read(c);
        if (h == Hashes.WRONG_TYPE) {
            return;
        }
        if (h == null) {
            ScanArgs.replyEmpty(c);
            return;
        }
        if (a.options(c, 3, false) == null) {
            return;
        }
        long count = a.count;
        byte[] pattern = a.pattern;
        List<Integer> found = new ArrayList<>();
        long cursor = a.cursor;
        long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        do {
            cursor = h.scan(cursor, found::add);
        } while (cursor != 0 && budget-- > 0 && found.size() < count);
        List<Integer> out = found;
        if (pattern != null) {
            out = new ArrayList<>(found.size());
            for (int pos : found) {
                if (Glob.match(
                        pattern, 0, pattern.length, h.array(pos), h.fieldOffset(pos), h.fieldLength(pos), false)) {
                    out.add(pos);
                }
            }
        }
        ScanArgs.replyCursor(c, cursor);
        c.reply.array(out.size() * 2);
        for (int pos : out) {
            Hashes.replyField(c, h, pos);
            Hashes.replyValue(c, h, pos);
        }
    }
}
