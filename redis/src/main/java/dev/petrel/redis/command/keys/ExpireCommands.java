package dev.petrel.redis.command.keys;

import dev.petrel.redis.command.CommandTable;

/** Expiry commands: EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, TTL, PTTL, EXPIRETIME, PEXPIRETIME, PERSIST. */
public final class ExpireCommands {
    private ExpireCommands() {}

    public static void register(CommandTable t) {}
}
