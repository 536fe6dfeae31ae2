package dev.petrel.redis.command;

import dev.petrel.redis.command.bits.BitCommands;
import dev.petrel.redis.command.connection.ClientCommands;
import dev.petrel.redis.command.connection.ConnectionCommands;
import dev.petrel.redis.command.keys.ExpireCommands;
import dev.petrel.redis.command.keys.KeyCommands;
import dev.petrel.redis.command.server.ServerCommands;
import dev.petrel.redis.command.string.StringCommands;

/**
 * Every family's table lines, in one place: a family is a class with a {@code register} method (which may call its
 * siblings' in the same package).
 */
public final class Commands {
    private Commands() {}

    public static void registerAll(CommandTable t) {
        ConnectionCommands.register(t);
        ClientCommands.register(t);
        ServerCommands.register(t);
        StringCommands.register(t);
        BitCommands.register(t);
        KeyCommands.register(t);
        ExpireCommands.register(t);
    }
}
