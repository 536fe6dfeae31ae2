package dev.petrel.redis.command.connection;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.ALLOW_BUSY;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.NO_AUTH;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.Versions;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.resp.Args;
import dev.petrel.redis.resp.ReplyWriter;
import java.nio.charset.StandardCharsets;

/**
 * HELLO, AUTH and RESET: how a connection sets itself up (protocol, identity, password) and starts over. Petrel has
 * one user, {@code default}, whose password is {@code requirepass}; with no password set it accepts any, as Redis's
 * {@code nopass} default user does. All three run before authentication (they carry {@code no_auth}).
 */
final class HandshakeCommands {
    private static final byte[] DEFAULT_USER = ReplyWriter.ascii("default");

    private HandshakeCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("HELLO")
                        .arity(-1)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY)
                        .group("connection")
                        .since("6.0.0")
                        .complexity("O(1)")
                        .summary("Handshake with Redis")
                        .syntax("[protover [AUTH username password] [SETNAME clientname]]"),
                HandshakeCommands::hello);
        t.add(
                spec("AUTH")
                        .arity(-2)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY)
                        .group("connection")
                        .complexity("O(N) where N is the number of passwords defined for the user")
                        .summary("Authenticate to the server")
                        .syntax("[username] password"),
                HandshakeCommands::auth);
        t.add(
                spec("RESET")
                        .arity(1)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY)
                        .group("connection")
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("Reset the connection"),
                HandshakeCommands::reset);
    }

    /** HELLO [protover [AUTH username password] [SETNAME clientname]]: the checks come in Redis's order. */
    static void hello(CommandContext c) {
        Args a = c.args;
        int protocol = c.client.protocol();
        if (a.count() >= 2) {
            if (!a.isLong(1)) {
                c.reply.error(Errors.PROTOCOL_VERSION);
                return;
            }
            long v = a.longValue(1);
            if (v < 2 || v > 3) {
                c.reply.error(Errors.NOPROTO);
                return;
            }
            protocol = (int) v;
        }
        int auth = 0;
        int name = 0;
        for (int i = 2; i < a.count(); i++) {
            if (a.is(i, "AUTH") && a.count() - i - 1 >= 2) {
                auth = i + 1;
                i += 2;
            } else if (a.is(i, "SETNAME") && i + 1 < a.count()) {
                if (!ClientCommands.validName(a, i + 1)) {
                    c.reply.error(Errors.CLIENT_NAME);
                    return;
                }
                name = i + 1;
                i++;
            } else {
                c.reply.error("ERR Syntax error in HELLO option '" + a.string(i) + "'");
                return;
            }
        }
        if (auth == 0 && !c.client.authenticated && c.server.authRequired()) {
            c.reply.error(Errors.HELLO_NOAUTH);
            return;
        }
        if (auth != 0 && !authenticate(c, auth, auth + 1)) {
            c.reply.error(Errors.WRONGPASS);
            return;
        }
        if (name != 0) {
            c.client.name = a.string(name);
        }
        c.reply.setProtocol(protocol);
        helloReply(c);
    }

    private static void helloReply(CommandContext c) {
        c.reply.map(7);
        c.reply.bulk("server");
        c.reply.bulk("redis");
        c.reply.bulk("version");
        c.reply.bulk(Versions.REDIS_VERSION);
        c.reply.bulk("proto");
        c.reply.integer(c.reply.protocol());
        c.reply.bulk("id");
        c.reply.integer(c.client.id);
        c.reply.bulk("mode");
        c.reply.bulk("standalone");
        c.reply.bulk("role");
        c.reply.bulk("master");
        c.reply.bulk("modules");
        c.reply.array(0);
    }

    /** AUTH [username] password */
    static void auth(CommandContext c) {
        if (c.argc() > 3) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        if (c.argc() == 2 && !c.server.authRequired()) {
            c.reply.error(Errors.NO_PASSWORD_SET);
            return;
        }
        if (c.argc() == 2 ? authenticate(c, 0, 1) : authenticate(c, 1, 2)) {
            c.reply.ok();
        } else {
            c.reply.error(Errors.WRONGPASS);
        }
    }

    /**
     * Checks the user at argument {@code user} (0: {@code default}) and the password at {@code password}; on success
     * the client is authenticated. A failure leaves an authenticated client authenticated, as in Redis.
     */
    private static boolean authenticate(CommandContext c, int user, int password) {
        if (user != 0 && !c.args.equalsBytes(user, DEFAULT_USER)) {
            return false; // user names are case-sensitive
        }
        String required = c.server.config().requirepass;
        boolean ok = required.isEmpty() || c.args.equalsBytes(password, required.getBytes(StandardCharsets.UTF_8));
        if (ok) {
            c.client.authenticated = true;
        }
        return ok;
    }

    /** RESET: RESP2, database 0, no name, replies on, and signed out if a password is set. */
    static void reset(CommandContext c) {
        c.client.resetConnectionState(c.server.authRequired());
        c.reply.setProtocol(2);
        c.reply.simple("RESET");
    }
}
