package dev.petrel.redis.command.list;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.list.QuickList;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.Notifications;

/** What the list commands share: finding a list key, creating one, deleting an emptied one, and events. */
final class Lists {
    /** Returned when the key holds another type (the WRONGTYPE error has been replied). */
    static final KeyEntry WRONG = new KeyEntry(new byte[0], null, 0);

    private Lists() {}

    /** The list entry of key argument {@code i}, null if there is none, or {@link #WRONG}. */
    static KeyEntry find(CommandContext c, int i, boolean read) {
        Database db = c.db();
        Object e = read ? db.lookupRead(c.args, i) : db.lookup(c.args, i);
        return checked(c, e);
    }

    /** As {@link #find}, for a key held as bytes. */
    static KeyEntry find(CommandContext c, byte[] key) {
        return checked(c, c.db().lookup(key));
    }

    /** The list entry of {@code key}, or null when it is missing or not a list (nothing is replied). */
    static KeyEntry findQuiet(CommandContext c, byte[] key) {
        Object e = c.db().lookup(key);
        return e instanceof KeyEntry k && k.value instanceof QuickList ? k : null;
    }

    private static KeyEntry checked(CommandContext c, Object e) {
        if (e == null) {
            return null;
        }
        if (e instanceof KeyEntry k && k.value instanceof QuickList) {
            return k;
        }
        c.reply.error(Errors.WRONGTYPE);
        return WRONG;
    }

    static QuickList list(KeyEntry e) {
        return (QuickList) e.value;
    }

    /** A new empty list for {@code key}, stored where the last lookup (of that key) found nothing. */
    static KeyEntry create(CommandContext c, byte[] key) {
        KeyEntry e = new KeyEntry(
                key,
                new QuickList(c.server.config().listMaxListpackSize),
                c.server.keyspace().lruClock());
        c.db().insertFound(e);
        return e;
    }

    /** After elements were added to {@code key}: the push event, and clients blocked on it may go on. */
    static void pushed(CommandContext c, byte[] key, boolean head) {
        event(c, head ? "lpush" : "rpush", key);
        c.server.blocking().signalKeyReady(c.client.db, key);
    }

    /** After elements were removed: deletes the key if the list is now empty (with its "del" event). */
    static void deleteIfEmpty(CommandContext c, KeyEntry e) {
        if (list(e).size() == 0) {
            c.db().delete(e.key);
            c.server.notifications().keyspaceEvent(Notifications.GENERIC, "del", e.key, c.client.db);
        }
    }

    static void event(CommandContext c, String name, byte[] key) {
        c.server.notifications().keyspaceEvent(Notifications.LIST, name, key, c.client.db);
    }
}
