package dev.petrel.redis.command.connection;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.ADMIN;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.Client;
import dev.petrel.redis.Client.ReplyMode;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.resp.Args;

/**
 * CLIENT and its subcommands about the calling connection: ID, SETNAME, GETNAME, SETINFO, REPLY, NO-EVICT, NO-TOUCH
 * and HELP. The subcommands about all connections live beside: LIST and INFO in {@link ClientList}, KILL in {@link
 * ClientKill}, PAUSE and UNPAUSE in {@link ClientPauseCommands}.
 */
public final class ClientCommands {
    private ClientCommands() {}

    public static void register(CommandTable t) {
        CommandSpec client = spec("CLIENT")
                .arity(-2)
                .group("connection")
                .since("2.4.0")
                .summary("A container for client connection commands")
                .complexity("Depends on subcommand.");
        client.sub(sub("ID", 2, "5.0.0", "Returns the client ID for the current connection", ""), ClientCommands::id);
        client.sub(
                sub("SETNAME", 3, "2.6.9", "Set the current connection name", "connection-name"),
                ClientCommands::setname);
        client.sub(sub("GETNAME", 2, "2.6.9", "Get the current connection name", ""), ClientCommands::getname);
        client.sub(
                sub(
                        "SETINFO",
                        4,
                        "7.2.0",
                        "Set client or connection specific info",
                        "<LIB-NAME libname | LIB-VER libver>"),
                ClientCommands::setinfo);
        client.sub(
                sub("REPLY", 3, "3.2.0", "Instruct the server whether to reply to commands", "<ON | OFF | SKIP>"),
                ClientCommands::reply);
        client.sub(
                sub("NO-EVICT", 3, "7.0.0", "Set client eviction mode for the current connection", "<ON | OFF>")
                        .flags(ADMIN),
                ClientCommands::noEvict);
        client.sub(
                sub(
                        "NO-TOUCH",
                        3,
                        "7.2.0",
                        "Controls whether commands sent by the client will alter the LRU/LFU of the keys they access.",
                        "<ON | OFF>"),
                ClientCommands::noTouch);
        client.sub(
                spec("HELP")
                        .arity(2)
                        .flags(LOADING, STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("Show helpful text about the different subcommands"),
                ClientCommands::help);
        client.sub(
                spec("UNBLOCK")
                        .arity(-3)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .since("5.0.0")
                        .complexity("O(log N) where N is the number of client connections")
                        .summary("Unblock a client blocked in a blocking command from a different connection")
                        .syntax("client-id [TIMEOUT | ERROR]"),
                ClientCommands::unblock);
        ClientList.register(client);
        ClientKill.register(client);
        ClientPauseCommands.register(client);
        t.add(client);
    }

    /** A subcommand with the flags most of CLIENT's share, complexity O(1). */
    static CommandSpec sub(String name, int arity, String since, String summary, String syntax) {
        return spec(name)
                .arity(arity)
                .flags(NOSCRIPT, LOADING, STALE)
                .since(since)
                .complexity("O(1)")
                .summary(summary)
                .syntax(syntax);
    }

    /** True if argument {@code i} is a valid client name (or library name or version): printable ASCII, no space. */
    static boolean validName(Args a, int i) {
        for (int j = 0; j < a.length(i); j++) {
            byte b = a.byteAt(i, j);
            if (b < '!' || b > '~') {
                return false;
            }
        }
        return true;
    }

    /** CLIENT UNBLOCK client-id [TIMEOUT | ERROR]: 1 if that client was blocked and is now freed. */
    static void unblock(CommandContext c) {
        Long id = c.longArg(2);
        if (id == null) {
            return;
        }
        boolean error = false;
        if (c.argc() == 4) {
            error = c.args.is(3, "ERROR");
            if (!error && !c.args.is(3, "TIMEOUT")) {
                c.reply.error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
                return;
            }
        } else if (c.argc() > 4) {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for 'unblock'. Try CLIENT HELP.");
            return;
        }
        Client target = c.server.client(id);
        c.reply.integer(target != null && c.server.blocking().unblock(target, error) ? 1 : 0);
    }

    /** CLIENT ID */
    static void id(CommandContext c) {
        c.reply.integer(c.client.id);
    }

    /** CLIENT SETNAME connection-name: an empty name removes it. */
    static void setname(CommandContext c) {
        if (!validName(c.args, 2)) {
            c.reply.error(Errors.CLIENT_NAME);
            return;
        }
        c.client.name = c.args.string(2);
        c.reply.ok();
    }

    /** CLIENT GETNAME */
    static void getname(CommandContext c) {
        if (c.client.name.isEmpty()) {
            c.reply.nullBulk();
        } else {
            c.reply.bulk(c.client.name);
        }
    }

    /** CLIENT SETINFO LIB-NAME libname | LIB-VER libver (Redis 7.2; Lettuce and redis-py send it). */
    static void setinfo(CommandContext c) {
        boolean libName = c.args.is(2, "LIB-NAME");
        if (!libName && !c.args.is(2, "LIB-VER")) {
            c.reply.error("ERR Unrecognized option '" + c.args.string(2) + "'");
            return;
        }
        if (!validName(c.args, 3)) {
            c.reply.error("ERR " + c.args.string(2) + " cannot contain spaces, newlines or special characters.");
            return;
        }
        if (libName) {
            c.client.libName = c.args.string(3);
        } else {
            c.client.libVersion = c.args.string(3);
        }
        c.reply.ok();
    }

    /**
     * CLIENT REPLY ON|OFF|SKIP. OFF and SKIP have no reply of their own; the connection drops replies by the mode (see
     * {@code RedisConnection}). SKIP does nothing while OFF is on, as in Redis.
     */
    static void reply(CommandContext c) {
        Client cl = c.client;
        if (c.args.is(2, "ON")) {
            cl.replyMode = ReplyMode.ON;
            c.reply.ok();
        } else if (c.args.is(2, "OFF")) {
            cl.replyMode = ReplyMode.OFF;
        } else if (c.args.is(2, "SKIP")) {
            if (cl.replyMode != ReplyMode.OFF) {
                cl.replyMode = ReplyMode.SKIP_NEXT;
            }
        } else {
            c.reply.error(Errors.SYNTAX);
        }
    }

    /** CLIENT NO-EVICT ON|OFF */
    static void noEvict(CommandContext c) {
        Boolean on = onOff(c);
        if (on != null) {
            c.client.noEvict = on;
            c.reply.ok();
        }
    }

    /** CLIENT NO-TOUCH ON|OFF (Redis 7.2): commands of this client leave the keys' LRU/LFU alone. */
    static void noTouch(CommandContext c) {
        Boolean on = onOff(c);
        if (on != null) {
            c.client.noTouch = on;
            c.reply.ok();
        }
    }

    private static Boolean onOff(CommandContext c) {
        if (c.args.is(2, "ON")) {
            return Boolean.TRUE;
        }
        if (c.args.is(2, "OFF")) {
            return Boolean.FALSE;
        }
        c.reply.error(Errors.SYNTAX);
        return null;
    }

    /** CLIENT HELP: Redis 7.0's text, with the lines 7.2 adds for SETINFO and NO-TOUCH. */
    static void help(CommandContext c) {
        String[] lines = ClientHelp.LINES;
        c.reply.array(lines.length);
        for (String l : lines) {
            c.reply.simple(l);
        }
    }
}
