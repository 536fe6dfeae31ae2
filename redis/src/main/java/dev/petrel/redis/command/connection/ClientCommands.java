package dev.petrel.redis.command.connection;

import dev.petrel.redis.command.CommandTable;

/** CLIENT and its subcommands. */
public final class ClientCommands {
    private ClientCommands() {}

    public static void register(CommandTable t) {}
}
