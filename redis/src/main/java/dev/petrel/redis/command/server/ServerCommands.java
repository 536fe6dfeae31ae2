package dev.petrel.redis.command.server;

import dev.petrel.redis.command.CommandTable;

/** Server commands: INFO, CONFIG, COMMAND, TIME, LASTSAVE, DEBUG, FUNCTION. */
public final class ServerCommands {
    private ServerCommands() {}

    public static void register(CommandTable t) {}
}
