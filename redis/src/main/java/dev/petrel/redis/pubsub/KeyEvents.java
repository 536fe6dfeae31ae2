package dev.petrel.redis.pubsub;

import dev.petrel.redis.command.CommandContext;

/**
 * One-line keyspace events for commands: the event of class {@code type} on the key in argument {@code keyArg} of the
 * running command, in the client's database. Costs one test when nobody listens.
 */
public final class KeyEvents {
    private KeyEvents() {}

    public static void fire(CommandContext c, int type, String event, int keyArg) {
        c.server.notifications().keyspaceEvent(type, event, c.args, keyArg, c.client.db);
    }

    /** The event on the key in argument {@code keyArg}, in database {@code db} (COPY ... DB, MOVE). */
    public static void fire(CommandContext c, int type, String event, int keyArg, int db) {
        c.server.notifications().keyspaceEvent(type, event, c.args, keyArg, db);
    }

    /** A string event ({@code $} class). */
    public static void string(CommandContext c, String event, int keyArg) {
        fire(c, Notifications.STRING, event, keyArg);
    }

    /** A generic event ({@code g} class): del, expire, persist, rename... */
    public static void generic(CommandContext c, String event, int keyArg) {
        fire(c, Notifications.GENERIC, event, keyArg);
    }
}
