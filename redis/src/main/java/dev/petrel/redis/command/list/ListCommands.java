package dev.petrel.redis.command.list;

import dev.petrel.redis.command.CommandTable;

/** List commands, blocking pops included. */
public final class ListCommands {
    private ListCommands() {}

    public static void register(CommandTable t) {}
}
