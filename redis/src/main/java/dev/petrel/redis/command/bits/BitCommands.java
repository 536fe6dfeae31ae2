package dev.petrel.redis.command.bits;

import dev.petrel.redis.command.CommandTable;

/** Bit commands: SETBIT, GETBIT, BITCOUNT, BITOP, BITPOS, BITFIELD, BITFIELD_RO. */
public final class BitCommands {
    private BitCommands() {}

    public static void register(CommandTable t) {}
}
