package dev.petrel.redis.command.hash;

import dev.petrel.redis.command.CommandTable;

/** Hash commands: HSET, HGET, HGETALL, HSCAN... */
public final class HashCommands {
    private HashCommands() {}

    public static void register(CommandTable t) {}
}
