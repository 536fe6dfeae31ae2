package dev.petrel.redis.command;

import dev.petrel.redis.Client;
import dev.petrel.redis.RedisInstance;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.resp.Args;
import dev.petrel.redis.resp.ReplyWriter;

/**
 * What a command runs with: its arguments, the reply writer, the client and the server. One per connection, reused
 * for every command, so running a command allocates nothing of its own.
 */
public final class CommandContext {
    public final RedisInstance server;
    public final Client client;
    public final ReplyWriter reply;
    public Args args;
    public CommandSpec spec;

    public CommandContext(RedisInstance server, Client client, ReplyWriter reply) {
        this.server = server;
        this.client = client;
        this.reply = reply;
    }

    /** The client's selected database. */
    public Database db() {
        return server.keyspace().db(client.db);
    }

    /** Number of arguments, the command name included. */
    public int argc() {
        return args.count();
    }

    /** Replies with {@code error} and returns false, for {@code if (!ok) return c.error(...)} style checks. */
    public boolean error(String text) {
        reply.error(text);
        return false;
    }

    /** Argument {@code i} as a long, or replies with Redis's not-an-integer error and returns null. */
    public Long longArg(int i) {
        if (args.isLong(i)) {
            return args.longValue(i);
        }
        reply.error(Errors.NOT_INTEGER);
        return null;
    }
}
