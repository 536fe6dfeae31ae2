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
import java.util.Locale;

/**
 * CLIENT LIST and CLIENT INFO: one line per client with Redis 7.0's fields in Redis's order, then 7.2's {@code
 * lib-name} and {@code lib-ver}. Fields that describe Redis internals Petrel does not have get the value that is true
 * of Petrel: no file descriptor ({@code fd=-1}), no MULTI yet ({@code multi=-1}); the buffer
 * figures are the connection's own (an unfinished or held request, the reply batch, the transport's backlog).
 */
final class ClientList {
    private static final long REPLY_CHUNK = 16 * 1024;

    private ClientList() {}

    static void register(CommandSpec client) {
        client.sub(
                spec("LIST")
                        .arity(-2)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .since("2.4.0")
                        .complexity("O(N) where N is the number of client connections")
                        .summary("Get the list of client connections")
                        .syntax("[TYPE <NORMAL | MASTER | REPLICA | PUBSUB>] [ID client-id [client-id ...]]"),
                ClientList::list);
        client.sub(
                spec("INFO")
                        .arity(2)
                        .flags(NOSCRIPT, LOADING, STALE)
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("Returns information about the current client connection."),
                ClientList::info);
    }

    /** The client types of TYPE filters; null for an unknown name. */
    static String type(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "normal" -> "normal";
            case "master" -> "master";
            case "slave", "replica" -> "replica";
            case "pubsub" -> "pubsub";
            default -> null;
        };
    }

    /** The type of {@code c} as TYPE filters see it: a client with subscriptions is a pubsub one, as in Redis. */
    static String typeOf(Client c) {
        return subscribed(c) ? "pubsub" : "normal";
    }

    private static boolean subscribed(Client c) {
        return c.subscriptions != null && c.subscriptions.active();
    }

    /** CLIENT LIST [TYPE type] | [ID id [id ...]] */
    static void list(CommandContext c) {
        StringBuilder out = new StringBuilder();
        if (c.argc() == 2) {
            for (Client cl : c.server.clients()) {
                line(c, cl, out);
            }
        } else if (c.argc() == 4 && c.args.is(2, "TYPE")) {
            String type = type(c.args.string(3));
            if (type == null) {
                c.reply.error("ERR Unknown client type '" + c.args.string(3) + "'");
                return;
            }
            for (Client cl : c.server.clients()) {
                if (typeOf(cl).equals(type)) {
                    line(c, cl, out);
                }
            }
        } else if (c.argc() > 3 && c.args.is(2, "ID")) {
            for (int i = 3; i < c.argc(); i++) {
                if (!c.args.isLong(i)) {
                    c.reply.error("ERR Invalid client ID");
                    return;
                }
            }
            for (int i = 3; i < c.argc(); i++) {
                Client cl = c.server.client(c.args.longValue(i));
                if (cl != null) {
                    line(c, cl, out);
                }
            }
        } else {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        c.reply.verbatim(out.toString());
    }

    /** CLIENT INFO: the calling client's line. */
    static void info(CommandContext c) {
        StringBuilder out = new StringBuilder();
        line(c, c.client, out);
        c.reply.verbatim(out.toString());
    }

    /** Appends {@code cl}'s line, newline included. */
    static void line(CommandContext c, Client cl, StringBuilder sb) {
        long now = c.server.clock().currentTimeMillis();
        int qbuf = cl.queryBufferBytes();
        int rbp = cl.replyBufferPeak();
        int rbs = Math.max(256, Integer.highestOneBit(Math.max(1, rbp - 1)) << 1); // the writer's growth policy
        // Replies not yet on the socket: Redis counts the first 16 KiB in its fixed buffer (obl), the rest in a
        // list of 16 KiB blocks (oll, omem); Petrel's are in the reply batch and the transport's queue.
        long pending = cl.replyBufferBytes() + cl.outputBytes();
        long obl = Math.min(pending, REPLY_CHUNK);
        long omem = pending - obl;
        long oll = (omem + REPLY_CHUNK - 1) / REPLY_CHUNK;
        long argv = cl.argumentBytes();
        sb.append("id=").append(cl.id);
        sb.append(" addr=").append(cl.address());
        sb.append(" laddr=").append(cl.localAddress());
        sb.append(" fd=-1");
        sb.append(" name=").append(cl.name);
        sb.append(" age=").append((now - cl.createdMillis) / 1000);
        sb.append(" idle=").append((now - cl.lastInteractionMillis) / 1000);
        sb.append(" flags=").append(flags(cl));
        sb.append(" db=").append(cl.db);
        int sub = cl.subscriptions == null ? 0 : cl.subscriptions.channelCount();
        int psub = cl.subscriptions == null ? 0 : cl.subscriptions.patternCount();
        int ssub = cl.subscriptions == null ? 0 : cl.subscriptions.shardCount();
        sb.append(" sub=")
                .append(sub)
                .append(" psub=")
                .append(psub)
                .append(" ssub=")
                .append(ssub);
        sb.append(" multi=-1");
        sb.append(" qbuf=").append(qbuf);
        sb.append(" qbuf-free=0");
        sb.append(" argv-mem=").append(argv);
        sb.append(" multi-mem=0");
        sb.append(" rbs=").append(rbs);
        sb.append(" rbp=").append(rbp);
        sb.append(" obl=").append(obl);
        sb.append(" oll=").append(oll);
        sb.append(" omem=").append(omem);
        sb.append(" tot-mem=").append(qbuf + argv + rbs + pending);
        // w: the socket is not taking replies as fast as they come (the transport is above its high-water mark)
        sb.append(" events=").append(cl.held() ? "" : "r").append(cl.transport.isWritable() ? "" : "w");
        sb.append(" cmd=").append(cl.lastCommand);
        sb.append(" user=default");
        sb.append(" redir=-1");
        sb.append(" resp=").append(cl.protocol());
        sb.append(" lib-name=").append(cl.libName);
        sb.append(" lib-ver=").append(cl.libVersion);
        sb.append('\n');
    }

    /** Redis's flag letters, in Redis's order; N when none applies. */
    private static String flags(Client cl) {
        StringBuilder f = new StringBuilder();
        if (subscribed(cl)) {
            f.append('P');
        }
        if (cl.blocked || cl.held()) { // blocked on keys, or held by CLIENT PAUSE
            f.append('b');
        }
        if (cl.closeAfterReply) {
            f.append('c');
        }
        if (cl.noEvict) {
            f.append('e');
        }
        if (cl.noTouch) {
            f.append('T');
        }
        return f.length() == 0 ? "N" : f.toString();
    }
}
