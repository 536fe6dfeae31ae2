package dev.petrel.redis.command;

import dev.petrel.redis.command.bits.BitCommands;
import dev.petrel.redis.command.connection.ClientCommands;
import dev.petrel.redis.command.connection.ConnectionCommands;
import dev.petrel.redis.command.hash.HashCommands;
import dev.petrel.redis.command.keys.ExpireCommands;
import dev.petrel.redis.command.keys.KeyCommands;
import dev.petrel.redis.command.list.ListCommands;
import dev.petrel.redis.command.pubsub.PubSubCommands;
import dev.petrel.redis.command.server.ServerCommands;
import dev.petrel.redis.command.set.SetCommands;
import dev.petrel.redis.command.string.StringCommands;
import dev.petrel.redis.command.zset.ZSetCommands;

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
        HashCommands.register(t);
        ListCommands.register(t);
        SetCommands.register(t);
        ZSetCommands.register(t);
        PubSubCommands.register(t);
    }
}
