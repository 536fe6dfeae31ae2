package dev.petrel.redis.command.zset;

import dev.petrel.redis.command.CommandTable;

/** Sorted set commands. */
public final class ZSetCommands {
    private ZSetCommands() {}

    public static void register(CommandTable t) {}
}
