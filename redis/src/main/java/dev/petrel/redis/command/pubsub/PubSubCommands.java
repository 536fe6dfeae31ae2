package dev.petrel.redis.command.pubsub;

import dev.petrel.redis.command.CommandTable;

/** Publish/subscribe commands. */
public final class PubSubCommands {
    private PubSubCommands() {}

    public static void register(CommandTable t) {}
}
