package dev.petrel.redis.command.server;

import dev.petrel.redis.command.CommandContext;

/** The reply of a HELP subcommand: its lines as simple strings, as Redis sends them. */
final class Help {
    private Help() {}

    static void reply(CommandContext c, String... lines) {
        c.reply.array(lines.length);
        for (String l : lines) {
            c.reply.simple(l);
        }
    }
}
