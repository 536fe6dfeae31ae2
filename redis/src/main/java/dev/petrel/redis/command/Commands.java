package dev.petrel.redis.command;

import dev.petrel.redis.command.connection.ConnectionCommands;
import dev.petrel.redis.command.keys.KeyCommands;
import dev.petrel.redis.command.string.StringCommands;

/** Every family's table lines, in one place: a family is one class with a {@code register} method. */
public final class Commands {
    private Commands() {}

    public static void registerAll(CommandTable t) {
        ConnectionCommands.register(t);
        StringCommands.register(t);
        KeyCommands.register(t);
    }
}
