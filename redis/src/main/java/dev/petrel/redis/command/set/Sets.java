package dev.petrel.redis.command.set;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.set.RedisSet;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.Notifications;

/** What the family's commands share: finding a set for reading or writing, storing a result, replies and events. */
final class Sets {
    /** What {@link #read} returns after replying WRONGTYPE. */
    static final RedisSet WRONG_TYPE = new RedisSet();

    /** What {@link #write} returns for a key of another type. */
    static final KeyEntry WRONG = new KeyEntry(new byte[0], WRONG_TYPE, 0);

    private Sets() {}

    /** The set in an entry, null for no entry, or {@link #WRONG_TYPE} for a key of another type (no reply). */
    static RedisSet of(Object e) {
        if (e == null) {
            return null;
        }
        return e instanceof KeyEntry k && k.value instanceof RedisSet s ? s : WRONG_TYPE;
    }

    /** The set at key argument {@code i} (counting a hit or miss), null, or {@link #WRONG_TYPE} after replying so. */
    static RedisSet read(CommandContext c, int i) {
        RedisSet s = of(c.db().lookupRead(c.args, i));
        if (s == WRONG_TYPE) {
            c.reply.error(Errors.WRONGTYPE);
        }
        return s;
    }

    /** The entry of the set at key argument {@code i} for a change, null if none, or {@link #WRONG} (no reply). */
    static KeyEntry write(CommandContext c, Database db, int i) {
        Object e = db.lookup(c.args, i);
        if (e == null) {
            return null;
        }
        if (e instanceof KeyEntry k && k.value instanceof RedisSet) {
            return k;
        }
        return WRONG;
    }

    static long maxIntset(CommandContext c) {
        return c.server.config().setMaxIntsetEntries;
    }

    /** A new entry holding {@code s} under key argument {@code i}. */
    static KeyEntry entry(CommandContext c, int i, RedisSet s) {
        return new KeyEntry(c.args.bytes(i), s, c.server.keyspace().lruClock());
    }

    static void event(CommandContext c, String event, byte[] key) {
        c.server.notifications().keyspaceEvent(Notifications.SET, event, key, c.client.db);
    }

    static void deleted(CommandContext c, byte[] key) {
        c.server.notifications().keyspaceEvent(Notifications.GENERIC, "del", key, c.client.db);
    }

    /** Replies with the member at {@code pos}, from the intset's integer or the table's array. */
    static void replyMember(CommandContext c, RedisSet s, int pos) {
        if (s.isIntset()) {
            c.reply.bulkLong(s.longAt(pos));
        } else {
            c.reply.bulk(s.bytesAt(pos));
        }
    }

    /** Replies with every member, as a set (an array in RESP2); null is the empty set. */
    static void replyAll(CommandContext c, RedisSet s) {
        if (s == null) {
            c.reply.set(0);
            return;
        }
        c.reply.set(s.size());
        for (int p = s.first(); p >= 0; p = s.next(p)) {
            replyMember(c, s, p);
        }
    }

    /** Adds the member at {@code pos} of {@code from} to {@code to}; true if it was new there. */
    static boolean addFrom(RedisSet to, RedisSet from, int pos, long maxIntset) {
        return from.isIntset() ? to.add(from.longAt(pos), maxIntset) : to.add(from.bytesAt(pos), maxIntset);
    }

    /** True if the member at {@code pos} of {@code from} is in {@code s}. */
    static boolean containsFrom(RedisSet s, RedisSet from, int pos) {
        if (from.isIntset()) {
            return s.contains(from.longAt(pos));
        }
        byte[] m = from.bytesAt(pos);
        return s.contains(m, 0, m.length);
    }

    /**
     * Stores {@code result} at key argument {@code dst} (replacing any value and expiry) and replies with its size; an
     * empty result deletes the key instead, as Redis does.
     */
    static void store(CommandContext c, int dst, RedisSet result, String event) {
        Database db = c.db();
        Object old = db.lookup(c.args, dst);
        if (result != null && result.size() > 0) {
            KeyEntry k = entry(c, dst, result);
            db.putFound(k);
            c.reply.integer(result.size());
            event(c, event, k.key);
        } else {
            if (old != null) {
                db.deleteFound();
                deleted(c, c.args.bytes(dst));
            }
            c.reply.integer(0);
        }
    }
}
