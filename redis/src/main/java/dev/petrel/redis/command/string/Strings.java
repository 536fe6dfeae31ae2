package dev.petrel.redis.command.string;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;

/** Storing string values: the one place that builds (or reuses) string records for the family. */
final class Strings {
    private Strings() {}

    /**
     * Stores argument {@code valueArg} as the value of key argument {@code keyArg}, whose current entry is {@code old}
     * (found by the last lookup of {@code db}); {@code expireAt} is absolute milliseconds or -1. A record of the same
     * shape is overwritten in place, so SET of a same-size value allocates nothing.
     */
    static void store(CommandContext c, Database db, Object old, int keyArg, int valueArg, long expireAt) {
        var a = c.args;
        int vLen = a.length(valueArg);
        int lru = c.server.keyspace().lruClock();
        if (old instanceof byte[] r
                && StringRecord.hasExpiry(r) == (expireAt >= 0)
                && StringRecord.valueLength(r) == vLen) {
            int off = StringRecord.valueOffset(r);
            a.copyTo(valueArg, r, off);
            StringRecord.setEncoding(r, StringRecord.encodingFor(r, off, vLen));
            StringRecord.setLru(r, lru);
            if (expireAt >= 0) {
                db.replaceFound(StringRecord.withExpiry(r, expireAt));
            }
            return;
        }
        byte[] key = old instanceof byte[] r ? null : a.bytes(keyArg);
        byte[] rec;
        if (key == null) {
            byte[] r = (byte[]) old;
            int kOff = StringRecord.keyOffset(r);
            rec = StringRecord.buildFromArg(r, kOff, StringRecord.keyLength(r), a, valueArg, expireAt, lru);
        } else {
            rec = StringRecord.buildFromArg(key, 0, key.length, a, valueArg, expireAt, lru);
        }
        db.putFound(rec);
    }
}
