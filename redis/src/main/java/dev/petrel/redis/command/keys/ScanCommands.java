package dev.petrel.redis.command.keys;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.keyspace.Glob;
import dev.petrel.redis.keyspace.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Walking the keyspace: KEYS (all at once) and SCAN (a cursor at a time, with the guarantee the key table's cursor
 * order gives). Both skip expired keys, and match keys in place in their records.
 */
final class ScanCommands {
    private ScanCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("KEYS")
                        .arity(2)
                        .flags(READONLY)
                        .summary("Find all keys matching the given pattern")
                        .syntax("pattern"),
                ScanCommands::keys);
        t.add(
                spec("SCAN")
                        .arity(-2)
                        .flags(READONLY)
                        .since("2.8.0")
                        .summary("Incrementally iterate the keys space")
                        .syntax("cursor [MATCH pattern] [COUNT count] [TYPE type]"),
                ScanCommands::scan);
    }

    /** KEYS pattern */
    static void keys(CommandContext c) {
        byte[] pattern = c.args.bytes(1);
        boolean all = pattern.length == 1 && pattern[0] == '*';
        Database db = c.db();
        List<Object> out = new ArrayList<>();
        for (Object e : db.snapshot()) {
            if (!db.expired(e) && (all || matches(pattern, e))) {
                out.add(e);
            }
        }
        reply(c, out);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] */
    static void scan(CommandContext c) {
        ScanArgs a = ScanArgs.cursor(c, 1);
        if (a == null || a.options(c, 2, true) == null) {
            return;
        }
        long cursor = a.cursor;
        long count = a.count;
        byte[] pattern = a.pattern;
        String type = a.type;
        Database db = c.db();
        List<Object> found = new ArrayList<>();
        // As Redis: visit buckets until enough keys are collected, or ten empty buckets per key wanted.
        long budget = count > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : count * 10;
        do {
            cursor = db.scan(cursor, found);
        } while (cursor != 0 && budget-- > 0 && found.size() < count);
        List<Object> out = new ArrayList<>(found.size());
        for (Object e : found) {
            if ((pattern == null || matches(pattern, e))
                    && (type == null || ValueType.of(e).typeName().equalsIgnoreCase(type))) {
                out.add(e);
            }
        }
        ScanArgs.replyCursor(c, cursor);
        reply(c, out);
    }

    private static void reply(CommandContext c, List<Object> entries) {
        c.reply.array(entries.size());
        for (Object e : entries) {
            KeyArgs.replyKey(c, e);
        }
    }

    private static boolean matches(byte[] pattern, Object e) {
        if (e instanceof byte[] r) {
            return Glob.match(
                    pattern, 0, pattern.length, r, StringRecord.keyOffset(r), StringRecord.keyLength(r), false);
        }
        byte[] k = ((KeyEntry) e).key;
        return Glob.match(pattern, 0, pattern.length, k, 0, k.length, false);
    }
}
