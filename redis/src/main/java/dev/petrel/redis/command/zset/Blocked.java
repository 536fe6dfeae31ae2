package dev.petrel.redis.command.zset;

import dev.petrel.redis.command.CommandContext;

/** Tells clients blocked on a key (BZPOPMIN, BZMPOP...) that it may now have elements. */
final class Blocked {
    private Blocked() {}

    static void signal(CommandContext c, byte[] key) {
        c.server.blocking().signalKeyReady(c.client.db, key);
    }
}
