package dev.petrel.redis.command.pubsub;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.PUBSUB;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.pubsub.Notifications;
import dev.petrel.redis.pubsub.PubSub;
import dev.petrel.redis.pubsub.Subscriptions;
import dev.petrel.redis.resp.ReplyWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publish/subscribe commands: (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PUBLISH, SPUBLISH; PUBSUB is {@link
 * PubSubIntrospection}. Each (un)subscription answers with its own message, a push in RESP3 ({@code [kind, name,
 * count]}), as Redis does; the delivery itself is the hub's ({@link PubSub}).
 */
public final class PubSubCommands {
    private PubSubCommands() {}

    private static final byte[][] WORDS = {
        ascii("subscribe"), ascii("psubscribe"), ascii("ssubscribe"),
        ascii("unsubscribe"), ascii("punsubscribe"), ascii("sunsubscribe")
    };

    public static void register(CommandTable t) {
        t.add(
                sub("SUBSCRIBE", -2, "2.0.0", "Listen for messages published to the given channels")
                        .complexity("O(N) where N is the number of channels to subscribe to.")
                        .syntax("channel [channel ...]"),
                c -> subscribe(c, PubSub.CHANNEL));
        t.add(
                sub("UNSUBSCRIBE", -1, "2.0.0", "Stop listening for messages posted to the given channels")
                        .complexity("O(N) where N is the number of clients already subscribed to a channel.")
                        .syntax("[channel [channel ...]]"),
                c -> unsubscribe(c, PubSub.CHANNEL));
        t.add(
                sub("PSUBSCRIBE", -2, "2.0.0", "Listen for messages published to channels matching the given patterns")
                        .complexity("O(N) where N is the number of patterns the client is already subscribed to.")
                        .syntax("pattern [pattern ...]"),
                c -> subscribe(c, PubSub.PATTERN));
        t.add(
                sub(
                                "PUNSUBSCRIBE",
                                -1,
                                "2.0.0",
                                "Stop listening for messages posted to channels matching the given" + " patterns")
                        .complexity(
                                "O(N+M) where N is the number of patterns the client is already subscribed and M is the"
                                        + " number of total patterns subscribed in the system (by any client).")
                        .syntax("[pattern [pattern ...]]"),
                c -> unsubscribe(c, PubSub.PATTERN));
        t.add(
                sub("SSUBSCRIBE", -2, "7.0.0", "Listen for messages published to the given shard channels")
                        .keys(1, -1, 1)
                        .complexity("O(N) where N is the number of shard channels to subscribe to.")
                        .syntax("shardchannel [shardchannel ...]"),
                c -> subscribe(c, PubSub.SHARD));
        t.add(
                sub("SUNSUBSCRIBE", -1, "7.0.0", "Stop listening for messages posted to the given shard channels")
                        .keys(1, -1, 1)
                        .complexity("O(N) where N is the number of clients already subscribed to a shard channel.")
                        .syntax("[shardchannel [shardchannel ...]]"),
                c -> unsubscribe(c, PubSub.SHARD));
        t.add(
                spec("PUBLISH")
                        .arity(3)
                        .flags(PUBSUB, LOADING, STALE, FAST)
                        .group("pubsub")
                        .since("2.0.0")
                        .summary("Post a message to a channel")
                        .complexity(
                                "O(N+M) where N is the number of clients subscribed to the receiving channel and M is"
                                        + " the total number of subscribed patterns (by any client).")
                        .syntax("channel message"),
                c -> publish(c, false));
        t.add(
                spec("SPUBLISH")
                        .arity(3)
                        .flags(PUBSUB, LOADING, STALE, FAST)
                        .keys(1, 1, 1)
                        .group("pubsub")
                        .since("7.0.0")
                        .summary("Post a message to a shard channel")
                        .complexity("O(N) where N is the number of clients subscribed to the receiving shard channel.")
                        .syntax("shardchannel message"),
                c -> publish(c, true));
        PubSubIntrospection.register(t);
    }

    private static CommandSpec sub(String name, int arity, String since, String summary) {
        return spec(name)
                .arity(arity)
                .flags(PUBSUB, NOSCRIPT, LOADING, STALE)
                .group("pubsub")
                .since(since)
                .summary(summary);
    }

    /** The hub, which learns the server on first use. */
    static PubSub hub(CommandContext c) {
        Notifications n = c.server.notifications();
        n.bind(c.server);
        return n.pubsub();
    }

    /** (P|S)SUBSCRIBE name [name ...]: one reply per name, with the count after it. */
    static void subscribe(CommandContext c, int kind) {
        PubSub hub = hub(c);
        Subscriptions s = hub.of(c.client);
        for (int i = 1; i < c.argc(); i++) {
            byte[] name = c.args.bytes(i);
            hub.subscribe(s, kind, name);
            reply(c.reply, WORDS[kind], name, count(s, kind));
        }
    }

    /** (P|S)UNSUBSCRIBE [name ...]: the named ones, or every one held, or one reply with a null name if none. */
    static void unsubscribe(CommandContext c, int kind) {
        PubSub hub = hub(c);
        Subscriptions s = hub.of(c.client);
        byte[] word = WORDS[3 + kind];
        if (c.argc() > 1) {
            for (int i = 1; i < c.argc(); i++) {
                byte[] name = c.args.bytes(i);
                hub.unsubscribe(s, kind, name);
                reply(c.reply, word, name, count(s, kind));
            }
            return;
        }
        List<byte[]> held = hub.names(s, kind);
        if (held.isEmpty()) {
            reply(c.reply, word, null, count(s, kind));
        }
        for (byte[] name : held) {
            hub.unsubscribe(s, kind, name);
            reply(c.reply, word, name, count(s, kind));
        }
    }

    /** Shard subscriptions are counted on their own; channels and patterns together. */
    private static int count(Subscriptions s, int kind) {
        return kind == PubSub.SHARD ? s.shardCount() : s.count();
    }

    private static void reply(ReplyWriter r, byte[] word, byte[] name, int count) {
        r.push(3);
        r.bulk(word);
        if (name == null) {
            r.nullBulk();
        } else {
            r.bulk(name);
        }
        r.integer(count);
    }

    /** PUBLISH / SPUBLISH channel message: how many clients received it. */
    static void publish(CommandContext c, boolean shard) {
        c.reply.integer(c.server.notifications().pubsub().publish(shard, c.args, 1, 2));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
