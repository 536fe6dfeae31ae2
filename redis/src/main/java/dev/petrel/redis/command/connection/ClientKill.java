package dev.petrel.redis.command.connection;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.ADMIN;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.Client;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.resp.Args;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT KILL, in both forms: the old {@code CLIENT KILL ip:port} (OK, or an error when no client matches; it may
 * close the caller), and filters ({@code ID ADDR LADDR USER TYPE SKIPME}, all of which must match; the number killed;
 * the caller is skipped unless {@code SKIPME no}). Another client's connection closes at once, unsent replies
 * dropped; the caller's closes after this reply.
 */
final class ClientKill {
    private ClientKill() {}

    static void register(CommandSpec client) {
        client.sub(
                spec("KILL")
                        .arity(-3)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .since("2.4.0")
                        .complexity("O(N) where N is the number of client connections")
                        .summary("Kill the connection of a client")
                        .syntax("<ip:port | [ID client-id] [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>]"
                                + " [USER username] [ADDR ip:port] [LADDR ip:port] [SKIPME <YES | NO>]>"),
                ClientKill::kill);
    }

    /** The filters of one CLIENT KILL. */
    private static final class Filter {
        long id;
        String type;
        String addr;
        String laddr;
        boolean skipMe = true;

        boolean matches(Client cl) {
            return (addr == null || addr.equals(cl.address()))
                    && (laddr == null || laddr.equals(cl.localAddress()))
                    && (type == null || type.equals(ClientList.typeOf(cl)))
                    && (id == 0 || id == cl.id);
        }
    }

    /** CLIENT KILL ip:port | CLIENT KILL filter value [filter value ...] */
    static void kill(CommandContext c) {
        Args a = c.args;
        Filter f = new Filter();
        boolean oldForm = a.count() == 3;
        if (oldForm) {
            f.addr = a.string(2);
            f.skipMe = false;
        } else if (!parse(c, f)) {
            return;
        }
        List<Client> victims = new ArrayList<>();
        for (Client cl : c.server.clients()) {
            if (f.matches(cl) && !(cl == c.client && f.skipMe)) {
                victims.add(cl);
            }
        }
        for (Client cl : victims) {
            if (cl == c.client) {
                cl.closeAfterReply = true;
            } else {
                cl.kill();
            }
        }
        if (!oldForm) {
            c.reply.integer(victims.size());
        } else if (victims.isEmpty()) {
            c.reply.error("ERR No such client");
        } else {
            c.reply.ok();
        }
    }

    private static boolean parse(CommandContext c, Filter f) {
        Args a = c.args;
        for (int i = 2; i < a.count(); i += 2) {
            if (i + 1 >= a.count()) {
                return c.error(Errors.SYNTAX);
            }
            String value = a.string(i + 1);
            if (a.is(i, "ID")) {
                if (!a.isLong(i + 1) || a.longValue(i + 1) < 1) {
                    return c.error("ERR client-id should be greater than 0");
                }
                f.id = a.longValue(i + 1);
            } else if (a.is(i, "TYPE")) {
                f.type = ClientList.type(value);
                if (f.type == null) {
                    return c.error("ERR Unknown client type '" + value + "'");
                }
            } else if (a.is(i, "ADDR")) {
                f.addr = value;
            } else if (a.is(i, "LADDR")) {
                f.laddr = value;
            } else if (a.is(i, "USER")) {
                if (!value.equals("default")) {
                    return c.error("ERR No such user '" + value + "'");
                }
            } else if (a.is(i, "SKIPME")) {
                if (a.is(i + 1, "YES")) {
                    f.skipMe = true;
                } else if (a.is(i + 1, "NO")) {
                    f.skipMe = false;
                } else {
                    return c.error(Errors.SYNTAX);
                }
            } else {
                return c.error(Errors.SYNTAX);
            }
        }
        return true;
    }
}
