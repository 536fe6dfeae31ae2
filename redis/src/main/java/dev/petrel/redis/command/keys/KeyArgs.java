package dev.petrel.redis.command.keys;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;

/** What the family's commands share: database-index arguments parsed as Redis does, and replying with a key. */
final class KeyArgs {
    /** What {@link #intArg} returns after replying with an error: outside the range of int. */
    static final long INVALID = Long.MIN_VALUE;

    private KeyArgs() {}

    /**
     * Argument {@code i} as a 32-bit integer, or {@link #INVALID} after replying with Redis's error: {@code message}
     * if given, else the generic not-an-integer and out-of-range errors.
     */
    static long intArg(CommandContext c, int i, String message) {
        if (!c.args.isLong(i)) {
            c.reply.error(message != null ? message : Errors.NOT_INTEGER);
            return INVALID;
        }
        long v = c.args.longValue(i);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            c.reply.error(message != null ? message : Errors.INT_RANGE);
            return INVALID;
        }
        return v;
    }

    /** True if {@code db} names a database; else replies with Redis's out-of-range error. */
    static boolean validDb(CommandContext c, long db) {
        if (db >= 0 && db < c.server.keyspace().count()) {
            return true;
        }
        return c.error(Errors.DB_INDEX);
    }

    /** Replies with an entry's key as a bulk string, straight from the record. */
    static void replyKey(CommandContext c, Object e) {
        if (e instanceof byte[] r) {
            c.reply.bulk(r, StringRecord.keyOffset(r), StringRecord.keyLength(r));
        } else {
            c.reply.bulk(((KeyEntry) e).key);
        }
    }
}
