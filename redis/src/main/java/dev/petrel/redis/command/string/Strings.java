package dev.petrel.redis.command.string;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;

/** Storing string values: the one place that builds (or reuses) string records for the family. */
final class Strings {
    private Strings() {}

    /** True if {@code e} is a string record or nothing; otherwise replies WRONGTYPE and returns false. */
    static boolean isStringOrNull(CommandContext c, Object e) {
        if (e == null || e instanceof byte[]) {
            return true;
        }
        return c.error(Errors.WRONGTYPE);
    }

    /** Replies with the value of a string record, or the null bulk string for none. */
    static void replyValue(CommandContext c, Object e) {
        if (e instanceof byte[] r) {
            c.reply.bulk(r, StringRecord.valueOffset(r), StringRecord.valueLength(r));
        } else {
            c.reply.nullBulk();
        }
    }

    /**
     * True if a string of {@code size} bytes may exist (proto-max-bulk-len, and what one Java array can hold);
     * otherwise replies Redis's error and returns false.
     */
    static boolean lengthAllowed(CommandContext c, long size) {
        if (size > c.server.config().protoMaxBulkLen || size > Integer.MAX_VALUE - 1024) {
            return c.error(Errors.STRING_TOO_LONG);
        }
        return true;
    }

    /**
     * Stores {@code v[off..off+len)} with encoding {@code enc} as the value of key argument {@code keyArg}, whose entry
     * {@code old} the last lookup found: a string keeps its expiry (and its record, when the length is the same); a
     * missing key or another type gets a new record without expiry.
     */
    static void storeComputed(
            CommandContext c, Database db, Object old, int keyArg, byte[] v, int off, int len, int enc) {
        byte[] rec;
        if (old instanceof byte[] r) {
            if (StringRecord.valueLength(r) == len) {
                System.arraycopy(v, off, r, StringRecord.valueOffset(r), len);
                StringRecord.setEncoding(r, enc);
                return;
            }
            rec = StringRecord.resize(r, len, 0, enc);
        } else {
            rec = StringRecord.allocateForArg(
                    c.args, keyArg, len, enc, -1, c.server.keyspace().lruClock());
        }
        System.arraycopy(v, off, rec, StringRecord.valueOffset(rec), len);
        db.putFound(rec);
        if (old == null) {}
    }

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
        if (old == null) {}
    }
}
