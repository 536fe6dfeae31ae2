package dev.petrel.redis.command.connection;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.ALLOW_BUSY;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.NO_AUTH;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;

/**
 * Connection commands: PING, ECHO, QUIT, SELECT; the register method also registers the handshake (HELLO, AUTH,
 * RESET). CLIENT is {@link ClientCommands}.
 */
public final class ConnectionCommands {
    private ConnectionCommands() {}

    public static void register(CommandTable t) {
        t.add(
                spec("PING")
                        .arity(-1)
                        .flags(FAST)
                        .group("connection")
                        .complexity("O(1)")
                        .summary("Ping the server")
                        .syntax("[message]"),
                ConnectionCommands::ping);
        t.add(
                spec("ECHO")
                        .arity(2)
                        .flags(LOADING, STALE, FAST)
                        .group("connection")
                        .complexity("O(1)")
                        .summary("Echo the given string")
                        .syntax("message"),
                ConnectionCommands::echo);
        t.add(
                spec("QUIT")
                        .arity(-1)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY)
                        .group("connection")
                        .complexity("O(1)")
                        .summary("Close the connection"),
                ConnectionCommands::quit);
        t.add(
                spec("SELECT")
                        .arity(2)
                        .flags(LOADING, STALE, FAST)
                        .group("connection")
                        .complexity("O(1)")
                        .summary("Change the selected database for the current connection")
                        .syntax("index"),
                ConnectionCommands::select);
        HandshakeCommands.register(t);
    }

    /** PING [message] */
    static void ping(CommandContext c) {
        if (c.argc() > 2) {
            c.reply.error(Errors.arity("ping"));
        } else if (c.argc() == 2) {
            c.reply.bulk(c.args.bytes(1));
        } else {
            c.reply.simple("PONG");
        }
    }

    /** ECHO message */
    static void echo(CommandContext c) {
        c.reply.bulk(c.args.bytes(1));
    }

    /** QUIT: OK, then the connection closes once the reply is written. */
    static void quit(CommandContext c) {
        c.reply.ok();
        c.client.closeAfterReply = true;
    }

    /** SELECT index */
    static void select(CommandContext c) {
        if (!c.args.isLong(1)) {
            c.reply.error(Errors.NOT_INTEGER);
            return;
        }
        long db = c.args.longValue(1);
        if (db < 0 || db >= c.server.keyspace().count()) {
            c.reply.error(Errors.DB_INDEX);
            return;
        }
        c.client.db = (int) db;
        c.reply.ok();
    }
}
