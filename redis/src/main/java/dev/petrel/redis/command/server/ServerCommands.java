package dev.petrel.redis.command.server;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.STALE;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;

/**
 * Server commands: TIME, LASTSAVE and FUNCTION here; COMMAND, INFO, CONFIG and DEBUG in their own classes, registered
 * from {@link #register}.
 */
public final class ServerCommands {
    private ServerCommands() {}

    public static void register(CommandTable t) {
        CommandCommands.register(t);
        InfoCommand.register(t);
        ConfigCommands.register(t);
        DebugCommands.register(t);
        t.add(
                spec("TIME")
                        .arity(1)
                        .flags(LOADING, STALE, FAST)
                        .group("server")
                        .since("2.6.0")
                        .summary("Return the current server time")
                        .complexity("O(1)"),
                ServerCommands::time);
        t.add(
                spec("LASTSAVE")
                        .arity(1)
                        .flags(LOADING, STALE, FAST)
                        .group("server")
                        .since("1.0.0")
                        .summary("Get the UNIX time stamp of the last successful save to disk")
                        .complexity("O(1)"),
                ServerCommands::lastsave);
        CommandSpec function = spec("FUNCTION")
                .arity(-2)
                .group("scripting")
                .since("7.0.0")
                .summary("A container for function commands")
                .complexity("Depends on subcommand.");
        function.sub(
                spec("FLUSH")
                        .arity(-2)
                        .flags(WRITE, NOSCRIPT)
                        .since("7.0.0")
                        .summary("Deleting all functions")
                        .complexity("O(N) where N is the number of functions deleted")
                        .syntax("[ASYNC | SYNC]"),
                ServerCommands::functionFlush);
        function.sub(
                spec("HELP")
                        .arity(2)
                        .flags(LOADING, STALE)
                        .since("7.0.0")
                        .summary("Show helpful text about the different subcommands")
                        .complexity("O(1)"),
                ServerCommands::functionHelp);
        t.add(function);
    }

    /** TIME: unix seconds and the microseconds within the second, as bulk strings. */
    static void time(CommandContext c) {
        long millis = c.server.clock().currentTimeMillis();
        c.reply.array(2);
        c.reply.bulkLong(Math.floorDiv(millis, 1000));
        c.reply.bulkLong(Math.floorMod(millis, 1000) * 1000);
    }

    /** LASTSAVE: the unix time of the last save (the start time while Petrel has not saved). */
    static void lastsave(CommandContext c) {
        c.reply.integer(c.server.lastSaveMillis() / 1000);
    }

    /** FUNCTION FLUSH [ASYNC | SYNC]: Petrel has no functions yet, so there is nothing to delete. */
    static void functionFlush(CommandContext c) {
        if (c.argc() > 3) {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for 'flush'. Try FUNCTION HELP.");
        } else if (c.argc() == 3 && !c.args.is(2, "ASYNC") && !c.args.is(2, "SYNC")) {
            c.reply.error("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
        } else {
            c.reply.ok();
        }
    }

    /** FUNCTION HELP: the subcommands Petrel has. */
    static void functionHelp(CommandContext c) {
        Help.reply(
                c,
                "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "FLUSH [ASYNC|SYNC]",
                "    Delete all the libraries.",
                "HELP",
                "    Prints this help.");
    }
}
