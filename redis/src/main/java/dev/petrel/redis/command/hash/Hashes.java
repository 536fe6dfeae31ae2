package dev.petrel.redis.command.hash;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.hash.RedisHash;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.Notifications;

/** What the family's commands share: finding the hash at key argument 1 for reading or writing, and events. */
final class Hashes {
    /** What {@link #read} returns after replying WRONGTYPE. */
    static final RedisHash WRONG_TYPE = new RedisHash();

    private Hashes() {}

    /** The hash at key argument 1 (counting a hit or miss), null if there is none, or {@link #WRONG_TYPE}. */
    static RedisHash read(CommandContext c) {
        Object e = c.db().lookupRead(c.args, 1);
        if (e == null) {
            return null;
        }
        if (e instanceof KeyEntry k && k.value instanceof RedisHash h) {
            return h;
        }
        c.reply.error(Errors.WRONGTYPE);
        return WRONG_TYPE;
    }

    /** The entry of the hash at key argument 1, or null after replying WRONGTYPE; {@code create}s a missing one. */
    static KeyEntry write(CommandContext c, Database db, boolean create) {
        Object e = db.lookup(c.args, 1);
        if (e == null) {
            if (!create) {
                return null;
            }
            KeyEntry k = new KeyEntry(
                    c.args.bytes(1), new RedisHash(), c.server.keyspace().lruClock());
            db.insertFound(k);
            return k;
        }
        if (e instanceof KeyEntry k && k.value instanceof RedisHash) {
            return k;
        }
        c.reply.error(Errors.WRONGTYPE);
        return null;
    }

    /** Sets field argument {@code fi} to argument {@code vi} under the configured thresholds; true if new. */
    static boolean set(CommandContext c, RedisHash h, int fi, int vi) {
        var cfg = c.server.config();
        return h.set(c.args, fi, vi, cfg.hashMaxListpackEntries, cfg.hashMaxListpackValue);
    }

    /** As {@link #set(CommandContext, RedisHash, int, int)}, with a computed value. */
    static void set(CommandContext c, RedisHash h, int fi, byte[] value) {
        var cfg = c.server.config();
        h.set(c.args, fi, value, cfg.hashMaxListpackEntries, cfg.hashMaxListpackValue);
    }

    static void event(CommandContext c, String event, KeyEntry k) {
        c.server.notifications().keyspaceEvent(Notifications.HASH, event, k.key, c.client.db);
    }

    /** Replies with the value at {@code pos}, straight from the hash's array. */
    static void replyValue(CommandContext c, RedisHash h, int pos) {
        c.reply.bulk(h.array(pos), h.valueOffset(pos), h.valueLength(pos));
    }

    static void replyField(CommandContext c, RedisHash h, int pos) {
        c.reply.bulk(h.array(pos), h.fieldOffset(pos), h.fieldLength(pos));
    }
}
