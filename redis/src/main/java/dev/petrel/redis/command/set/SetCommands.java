package dev.petrel.redis.command.set;

import dev.petrel.redis.command.CommandTable;

/** Set commands. */
public final class SetCommands {
    private SetCommands() {}

    public static void register(CommandTable t) {}
}
