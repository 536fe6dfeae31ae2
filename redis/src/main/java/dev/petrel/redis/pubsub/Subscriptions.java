package dev.petrel.redis.pubsub;

import dev.petrel.redis.Client;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.Errors;
import java.util.HashSet;
import java.util.Set;

/**
 * One client's subscriptions: channels, patterns and shard channels, as hash sets (UNSUBSCRIBE with no argument
 * answers in their order, as Redis answers in its dictionary's). Made at the client's first subscribe and kept on
 * {@link Client#subscriptions}.
 *
 * <p>It also applies Redis's RESP2 subscriber context: while a RESP2 client has any subscription, only the
 * (un)subscribe commands, PING, QUIT and RESET run, and PING answers {@code ["pong", message]}.
 */
public final class Subscriptions {
    final Client client;
    final PubSub hub;
    final Set<Channel> channels = new HashSet<>();
    final Set<Channel> patterns = new HashSet<>();
    final Set<Channel> shards = new HashSet<>();
    /** Unix seconds since when the output has been above the soft limit; -1 when it is not. */
    long softSince = -1;
    /** Set once the client is closed for its output: nothing more is delivered to it. */
    boolean dropped;

    Subscriptions(Client client, PubSub hub) {
        this.client = client;
        this.hub = hub;
    }

    /** Channels plus patterns: the count SUBSCRIBE, PSUBSCRIBE and their opposites reply with. */
    public int count() {
        return channels.size() + patterns.size();
    }

    public int channelCount() {
        return channels.size();
    }

    public int patternCount() {
        return patterns.size();
    }

    public int shardCount() {
        return shards.size();
    }

    /** True while any subscription is held (Redis's pubsub client flag, {@code P} in CLIENT LIST). */
    public boolean active() {
        return !channels.isEmpty() || !patterns.isEmpty() || !shards.isEmpty();
    }

    /** Drops every subscription silently (RESET, disconnect). */
    public void unsubscribeAll() {
        hub.removeAll(this);
    }

    /**
     * The RESP2 subscriber context, checked by the dispatcher before a command runs: replies for the command and
     * returns true when it must not run (refused, or PING answered the subscriber's way).
     */
    public boolean intercept(CommandContext c) {
        if (c.reply.protocol() != 2 || !active()) {
            return false;
        }
        CommandSpec spec = c.spec;
        String name = spec.parent() == null ? spec.name() : "";
        switch (name) {
            case "SUBSCRIBE",
                    "UNSUBSCRIBE",
                    "PSUBSCRIBE",
                    "PUNSUBSCRIBE",
                    "SSUBSCRIBE",
                    "SUNSUBSCRIBE",
                    "QUIT",
                    "RESET":
                return false;
            case "PING":
                if (c.argc() > 2) {
                    c.reply.error(Errors.arity("ping"));
                    return true;
                }
                c.reply.array(2);
                c.reply.bulk(PONG);
                if (c.argc() > 1) {
                    c.reply.bulk(c.args.bytes(1));
                } else {
                    c.reply.bulk(EMPTY);
                }
                c.server.countCommand();
                return true;
            default:
                c.reply.error(
                        "ERR Can't execute '" + spec.fullName()
                                + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
                return true;
        }
    }

    private static final byte[] PONG = {'p', 'o', 'n', 'g'};
    private static final byte[] EMPTY = {};
}
