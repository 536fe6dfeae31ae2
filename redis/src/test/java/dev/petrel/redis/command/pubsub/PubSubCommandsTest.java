package dev.petrel.redis.command.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Conn;
import dev.petrel.redis.RedisHarness.Err;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PubSubCommandsTest {
    private static final String CONTEXT = "ERR Can't execute '%s': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT"
            + " / RESET are allowed in this context";

    private final RedisHarness redis = new RedisHarness();
    private final Conn sub = redis.connect();
    private final Conn pub = redis.connect();

    /** Every message the subscriber has received since the last look. */
    static List<Object> received(Conn c) {
        List<Object> out = RedisHarness.decodeAll(c.transport.written());
        c.transport.clear();
        return out;
    }

    /** Sends a request whose replies the test does not look at (subscriptions). */
    static void quiet(Conn c, String... request) {
        c.send(RedisHarness.encode(request));
        c.transport.clear();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object reply) {
        return (List<String>) reply;
    }

    static List<Object> l(Object... items) {
        return Arrays.asList(items);
    }

    @Test
    void subscribeRepliesOncePerChannelWithTheCount() {
        assertThat(sub.send(RedisHarness.encode("SUBSCRIBE", "a", "b", "a")))
                .containsExactly(l("subscribe", "a", 1L), l("subscribe", "b", 2L), l("subscribe", "a", 2L));
        assertThat(sub.send(RedisHarness.encode("PSUBSCRIBE", "p*", "p*")))
                .containsExactly(l("psubscribe", "p*", 3L), l("psubscribe", "p*", 3L));
        assertThat(sub.send(RedisHarness.encode("UNSUBSCRIBE", "a", "zz")))
                .containsExactly(l("unsubscribe", "a", 2L), l("unsubscribe", "zz", 2L));
        assertThat(sub.send(RedisHarness.encode("PUNSUBSCRIBE"))).containsExactly(l("punsubscribe", "p*", 1L));
        assertThat(sub.send(RedisHarness.encode("UNSUBSCRIBE"))).containsExactly(l("unsubscribe", "b", 0L));
        assertThat(sub.call("GET", "k")).isNull(); // out of the subscriber context again
    }

    @Test
    void unsubscribeWithNothingHeldAnswersWithANullName() {
        assertThat(pub.call("UNSUBSCRIBE")).isEqualTo(l("unsubscribe", null, 0L));
        assertThat(pub.call("PUNSUBSCRIBE")).isEqualTo(l("punsubscribe", null, 0L));
        assertThat(pub.call("SUNSUBSCRIBE")).isEqualTo(l("sunsubscribe", null, 0L));
        assertThat(pub.call("SUBSCRIBE")).isEqualTo(new Err("ERR wrong number of arguments for 'subscribe' command"));
    }

    @Test
    void publishReachesChannelThenPatternSubscribers() {
        quiet(sub, "SUBSCRIBE", "news");
        quiet(sub, "PSUBSCRIBE", "n*");
        Conn other = redis.connect();
        quiet(other, "PSUBSCRIBE", "n*");
        assertThat(pub.call("PUBLISH", "news", "hello")).isEqualTo(3L);
        assertThat(received(sub)).containsExactly(l("message", "news", "hello"), l("pmessage", "n*", "news", "hello"));
        assertThat(received(other)).containsExactly(l("pmessage", "n*", "news", "hello"));
        assertThat(pub.call("PUBLISH", "other", "x")).isEqualTo(0L);
        assertThat(received(sub)).isEmpty();
    }

    @Test
    void binaryAndEmptyMessagesArriveIntact() {
        quiet(sub, "SUBSCRIBE", "c");
        assertThat(pub.call("PUBLISH", "c", "")).isEqualTo(1L);
        assertThat(pub.call("PUBLISH", "c", "a\r\nb")).isEqualTo(1L);
        String big = "x".repeat(100_000);
        assertThat(pub.call("PUBLISH", "c", big)).isEqualTo(1L);
        assertThat(received(sub))
                .containsExactly(l("message", "c", ""), l("message", "c", "a\r\nb"), l("message", "c", big));
    }

    @Test
    void resp2SubscriberContextAllowsOnlyPubSubCommands() {
        sub.call("SUBSCRIBE", "c");
        assertThat(sub.call("GET", "k")).isEqualTo(new Err(String.format(CONTEXT, "get")));
        assertThat(sub.call("PUBSUB", "CHANNELS")).isEqualTo(new Err(String.format(CONTEXT, "pubsub|channels")));
        assertThat(sub.call("PING")).isEqualTo(l("pong", ""));
        assertThat(sub.call("PING", "hi")).isEqualTo(l("pong", "hi"));
        assertThat(sub.call("PING", "a", "b")).isEqualTo(new Err("ERR wrong number of arguments for 'ping' command"));
        // the generic checks come first
        assertThat(sub.call("SET", "k")).isEqualTo(new Err("ERR wrong number of arguments for 'set' command"));
        assertThat(sub.call("NOPE")).isEqualTo(new Err("ERR unknown command 'NOPE', with args beginning with: "));
        assertThat(sub.call("PSUBSCRIBE", "x")).isEqualTo(l("psubscribe", "x", 2L));
    }

    @Test
    void shardSubscriptionAloneIsASubscriberContext() {
        assertThat(sub.call("SSUBSCRIBE", "s")).isEqualTo(l("ssubscribe", "s", 1L));
        assertThat(sub.call("SPUBLISH", "s", "v")).isEqualTo(new Err(String.format(CONTEXT, "spublish")));
        assertThat(sub.call("SUBSCRIBE", "s")).isEqualTo(l("subscribe", "s", 1L)); // counted apart from shards
        assertThat(sub.send(RedisHarness.encode("SSUBSCRIBE", "s1", "s2")))
                .containsExactly(l("ssubscribe", "s1", 2L), l("ssubscribe", "s2", 3L));
    }

    @Test
    void shardChannelsAreTheirOwnNamespace() {
        quiet(sub, "SSUBSCRIBE", "c");
        Conn plain = redis.connect();
        quiet(plain, "SUBSCRIBE", "c");
        quiet(plain, "PSUBSCRIBE", "*");
        assertThat(pub.call("SPUBLISH", "c", "m")).isEqualTo(1L);
        assertThat(received(sub)).containsExactly(l("smessage", "c", "m"));
        assertThat(received(plain)).isEmpty();
        assertThat(pub.call("PUBLISH", "c", "n")).isEqualTo(2L);
        assertThat(received(sub)).isEmpty();
        assertThat(pub.call("PUBSUB", "SHARDCHANNELS")).isEqualTo(l("c"));
        assertThat(pub.call("PUBSUB", "SHARDNUMSUB", "c", "d")).isEqualTo(l("c", 1L, "d", 0L));
        assertThat(pub.call("PUBSUB", "NUMSUB", "c")).isEqualTo(l("c", 1L));
        assertThat(sub.call("SUNSUBSCRIBE")).isEqualTo(l("sunsubscribe", "c", 0L));
        assertThat(pub.call("PUBSUB", "SHARDCHANNELS")).isEqualTo(l());
    }

    @Test
    void resp3SubscriptionsArePushesAndOtherCommandsStillRun() {
        sub.call("HELLO", "3");
        sub.transport.clear();
        sub.transport.deliver(RedisHarness.encode("SUBSCRIBE", "c"));
        assertThat(sub.transport.writtenString()).isEqualTo(">3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n");
        assertThat(sub.call("SET", "k", "v")).isEqualTo("OK");
        assertThat(sub.call("PING")).isEqualTo("PONG");
        sub.transport.clear();
        pub.call("PUBLISH", "c", "m");
        assertThat(sub.transport.writtenString()).isEqualTo(">3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nm\r\n");
        assertThat(sub.call("UNSUBSCRIBE", "nope")).isEqualTo(l("unsubscribe", "nope", 1L));
    }

    @Test
    void resp3PublishToOneselfPushesBeforeTheReply() {
        sub.call("HELLO", "3");
        sub.call("SUBSCRIBE", "c");
        sub.call("PSUBSCRIBE", "*");
        assertThat(sub.send(RedisHarness.encode("PUBLISH", "c", "me")))
                .containsExactly(l("message", "c", "me"), l("pmessage", "*", "c", "me"), 2L);
    }

    @Test
    void resp2AndResp3SubscribersGetTheirOwnFraming() {
        Conn three = redis.connect();
        three.call("HELLO", "3");
        three.call("SUBSCRIBE", "c");
        sub.call("SUBSCRIBE", "c");
        sub.transport.clear();
        three.transport.clear();
        assertThat(pub.call("PUBLISH", "c", "m")).isEqualTo(2L);
        assertThat(sub.transport.writtenString()).startsWith("*3\r\n$7\r\nmessage");
        assertThat(three.transport.writtenString()).startsWith(">3\r\n$7\r\nmessage");
    }

    @Test
    void pubsubIntrospection() {
        quiet(sub, "SUBSCRIBE", "news.a", "news.b", "other");
        quiet(sub, "PSUBSCRIBE", "x*", "y*");
        Conn other = redis.connect();
        quiet(other, "SUBSCRIBE", "news.a");
        quiet(other, "PSUBSCRIBE", "x*");
        assertThat(strings(pub.call("PUBSUB", "CHANNELS"))).containsExactlyInAnyOrder("news.a", "news.b", "other");
        assertThat(strings(pub.call("PUBSUB", "CHANNELS", "news.*"))).containsExactlyInAnyOrder("news.a", "news.b");
        assertThat(pub.call("PUBSUB", "NUMSUB", "news.a", "news.b", "none"))
                .isEqualTo(l("news.a", 2L, "news.b", 1L, "none", 0L));
        assertThat(pub.call("PUBSUB", "NUMSUB")).isEqualTo(l());
        assertThat(pub.call("PUBSUB", "NUMPAT")).isEqualTo(2L); // distinct patterns
        assertThat(pub.call("PUBSUB", "channels", "a", "b"))
                .isEqualTo(new Err(
                        "ERR unknown subcommand or wrong number of arguments for 'channels'. Try PUBSUB" + " HELP."));
        assertThat(pub.call("PUBSUB", "NUMPAT", "x"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'pubsub|numpat' command"));
        assertThat(pub.call("PUBSUB", "foo")).isEqualTo(new Err("ERR unknown subcommand 'foo'. Try PUBSUB HELP."));
        List<?> help = (List<?>) pub.call("PUBSUB", "HELP");
        assertThat(help).hasSize(14);
        assertThat(help.get(0)).isEqualTo("PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
    }

    @Test
    void resetAndDisconnectDropEverySubscription() {
        sub.call("SUBSCRIBE", "a");
        sub.call("PSUBSCRIBE", "p*");
        assertThat(sub.call("RESET")).isEqualTo("RESET");
        assertThat(sub.call("GET", "k")).isNull();
        assertThat(pub.call("PUBSUB", "NUMSUB", "a")).isEqualTo(l("a", 0L));
        assertThat(pub.call("PUBSUB", "NUMPAT")).isEqualTo(0L);
        Conn gone = redis.connect();
        gone.call("SUBSCRIBE", "a");
        gone.call("PSUBSCRIBE", "q*");
        gone.transport.connectionLost(new IOException("reset by peer"));
        assertThat(pub.call("PUBSUB", "NUMSUB", "a")).isEqualTo(l("a", 0L));
        assertThat(pub.call("PUBSUB", "CHANNELS")).isEqualTo(l());
        assertThat(pub.call("PUBLISH", "a", "m")).isEqualTo(0L);
    }

    @Test
    void quitIsAllowedWhileSubscribed() {
        sub.call("SUBSCRIBE", "a");
        assertThat(sub.call("QUIT")).isEqualTo("OK");
        assertThat(sub.closed()).isTrue();
    }
}
