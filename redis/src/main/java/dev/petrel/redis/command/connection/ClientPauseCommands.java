package dev.petrel.redis.command.connection;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.ADMIN;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.ClientPause;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;

/** CLIENT PAUSE and CLIENT UNPAUSE; the pause itself, and how connections wait it out, is {@link ClientPause}. */
final class ClientPauseCommands {
    private ClientPauseCommands() {}

    static void register(CommandSpec client) {
        client.sub(
                spec("PAUSE")
                        .arity(-3)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .since("2.9.50")
                        .complexity("O(1)")
                        .summary("Stop processing commands from clients for some time")
                        .syntax("timeout [WRITE | ALL]"),
                ClientPauseCommands::pause);
        client.sub(
                spec("UNPAUSE")
                        .arity(2)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .since("6.2.0")
                        .complexity("O(N) Where N is the number of paused clients")
                        .summary("Resume processing of clients that were paused"),
                ClientPauseCommands::unpause);
    }

    /** CLIENT PAUSE timeout [WRITE|ALL]: timeout in milliseconds; ALL by default. */
    static void pause(CommandContext c) {
        if (c.argc() > 4) {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for 'PAUSE'. Try CLIENT HELP.");
            return;
        }
        ClientPause.Mode mode = ClientPause.Mode.ALL;
        if (c.argc() == 4) {
            if (c.args.is(3, "WRITE")) {
                mode = ClientPause.Mode.WRITE;
            } else if (!c.args.is(3, "ALL")) {
                c.reply.error("ERR CLIENT PAUSE mode must be WRITE or ALL");
                return;
            }
        }
        if (!c.args.isLong(2)) {
            c.reply.error("ERR timeout is not an integer or out of range");
            return;
        }
        long millis = c.args.longValue(2);
        if (millis < 0) {
            c.reply.error("ERR timeout is negative");
            return;
        }
        // Redis adds the timeout to the clock unchecked: one that overflows ends in the past, so it pauses nothing
        if (millis <= Long.MAX_VALUE - c.server.clock().currentTimeMillis()) {
            ClientPause.of(c.server).pause(millis, mode);
        }
        c.reply.ok();
    }

    /** CLIENT UNPAUSE */
    static void unpause(CommandContext c) {
        ClientPause.of(c.server).unpause();
        c.reply.ok();
    }
}
