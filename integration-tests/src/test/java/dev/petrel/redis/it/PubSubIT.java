package dev.petrel.redis.it;

import static dev.petrel.redis.it.Heard.words;
import static dev.petrel.redis.it.Probe.eventually;
import static dev.petrel.redis.it.Probe.field;
import static dev.petrel.redis.it.Probe.numsub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.testing.PetrelRedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.sync.RedisPubSubCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * Publish/subscribe with real clients: Jedis channel and pattern subscriptions (RESP2 subscriber mode), Lettuce's
 * RESP3 push messages on a connection that also runs ordinary commands, and keyspace notifications.
 */
@Timeout(60)
class PubSubIT {
    @RegisterExtension
    static final PetrelRedisExtension redis = new PetrelRedisExtension().flushAllBeforeEach();

    private final List<Jedis> opened = new ArrayList<>();
    private Probe.Threads threads;
    private Jedis probe;

    @BeforeEach
    void connect() {
        threads = new Probe.Threads();
        probe = open();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        probe.configSet("notify-keyspace-events", "");
        opened.forEach(Jedis::close);
        opened.clear();
        threads.close();
    }

    private Jedis open() {
        Jedis j = new Jedis(redis.host(), redis.port());
        opened.add(j);
        return j;
    }

    /** A Jedis subscriber on its own thread (SUBSCRIBE blocks it until the last subscription ends). */
    private CompletableFuture<Void> subscribe(Heard heard, String... channels) {
        Jedis j = open();
        return threads.run(() -> {
            j.subscribe(heard.jedis(), channels);
            return null;
        });
    }

    @Test
    void jedisChannelAndPatternSubscriptions() throws Exception {
        Heard heard = new Heard();
        CompletableFuture<Void> subscribed = subscribe(heard, "news.tech", "weather");
        heard.expect(words("subscribe", "news.tech", "1"), words("subscribe", "weather", "2"));
        heard.jedis().psubscribe("news.*");
        heard.expect(words("psubscribe", "news.*", "3"));

        assertThat(probe.pubsubNumSub("news.tech", "weather", "none"))
                .isEqualTo(Map.of("news.tech", 1L, "weather", 1L, "none", 0L));
        assertThat(probe.pubsubNumPat()).isEqualTo(1);
        assertThat(probe.pubsubChannels()).containsExactlyInAnyOrder("news.tech", "weather");
        assertThat(probe.pubsubChannels("news.*")).containsExactly("news.tech");

        assertThat(probe.publish("news.tech", "hello"))
                .as("a channel and a pattern subscription")
                .isEqualTo(2);
        assertThat(probe.publish("news.sport", "goal")).isEqualTo(1);
        assertThat(probe.publish("weather", "rain")).isEqualTo(1);
        assertThat(probe.publish("nobody", "listens")).isZero();
        heard.expect(
                words("message", "news.tech", "hello"),
                words("pmessage", "news.*", "news.tech", "hello"),
                words("pmessage", "news.*", "news.sport", "goal"),
                words("message", "weather", "rain"));

        heard.jedis().unsubscribe("news.tech");
        heard.expect(words("unsubscribe", "news.tech", "2"));
        assertThat(numsub(probe, "news.tech")).isZero();
        assertThat(probe.publish("news.tech", "again")).as("the pattern only").isEqualTo(1);
        heard.expect(words("pmessage", "news.*", "news.tech", "again"));

        heard.jedis().punsubscribe();
        heard.expect(words("punsubscribe", "news.*", "1"));
        assertThat(probe.pubsubNumPat()).isZero();
        heard.jedis().unsubscribe();
        heard.expect(words("unsubscribe", "weather", "0"));
        subscribed.get(30, TimeUnit.SECONDS);
        assertThat(probe.pubsubChannels()).isEmpty();
        heard.expectNothingMore();
    }

    @Test
    void everySubscriberGetsEveryMessageInOrder() throws Exception {
        List<Heard> subscribers = List.of(new Heard(), new Heard(), new Heard());
        subscribe(subscribers.get(0), "feed", "spare");
        subscribe(subscribers.get(1), "feed", "other");
        Jedis patterned = open();
        threads.run(() -> {
            patterned.psubscribe(subscribers.get(2).jedis(), "fe?d", "f*");
            return null;
        });
        eventually(() -> assertThat(numsub(probe, "feed")).isEqualTo(2));
        eventually(() -> assertThat(probe.pubsubNumPat()).isEqualTo(2));
        for (Heard h : subscribers) {
            h.until(e -> e.get(0).endsWith("subscribe") && e.get(2).equals("2"));
        }
        for (int i = 0; i < 200; i++) {
            assertThat(probe.publish("feed", "m" + i)).isEqualTo(4);
        }
        for (int i = 0; i < 200; i++) {
            subscribers.get(0).expect(words("message", "feed", "m" + i));
            subscribers.get(1).expect(words("message", "feed", "m" + i));
            subscribers
                    .get(2)
                    .expect(words("pmessage", "fe?d", "feed", "m" + i), words("pmessage", "f*", "feed", "m" + i));
        }
        subscribers.forEach(Heard::expectNothingMore);
    }

    @Test
    void lettuceReceivesResp3PushesWhileRunningCommands() throws Exception {
        RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
        try (StatefulRedisPubSubConnection<String, String> pubsub = client.connectPubSub();
                StatefulRedisConnection<String, String> connection = client.connect()) {
            Heard heard = new Heard();
            pubsub.addListener(heard.lettuce());
            RedisPubSubCommands<String, String> sub = pubsub.sync();
            RedisCommands<String, String> cmd = connection.sync();
            sub.subscribe("chat");
            sub.psubscribe("chat.*");

            String info = sub.clientInfo();
            assertThat(field(info, "resp"))
                    .as("Lettuce 6 speaks RESP3 by default")
                    .isEqualTo("3");
            assertThat(field(info, "sub")).isEqualTo("1");
            assertThat(field(info, "psub")).isEqualTo("1");
            assertThat(field(info, "flags")).contains("P");
            assertThat(field(cmd.clientInfo(), "resp")).isEqualTo("3");
            assertThat(cmd.pubsubNumsub("chat")).isEqualTo(Map.of("chat", 1L));

            assertThat(cmd.publish("chat", "hi")).isEqualTo(1);
            assertThat(cmd.publish("chat.room", "hello room")).isEqualTo(1);
            heard.expect(words("message", "chat", "hi"), words("pmessage", "chat.*", "chat.room", "hello room"));

            // pushes arrive in between the replies of the subscribed connection's own commands
            List<RedisFuture<Long>> published = new ArrayList<>();
            CompletableFuture<Void> publisher = threads.run(() -> {
                for (int i = 0; i < 300; i++) {
                    published.add(connection.async().publish(i % 2 == 0 ? "chat" : "chat.x", "n" + i));
                }
                return null;
            });
            for (int i = 1; i <= 300; i++) {
                assertThat(sub.incr("counter")).isEqualTo(i);
                assertThat(sub.get("counter")).isEqualTo(Integer.toString(i));
            }
            publisher.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 300; i++) {
                assertThat(published.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(1);
                heard.expect(
                        i % 2 == 0
                                ? words("message", "chat", "n" + i)
                                : words("pmessage", "chat.*", "chat.x", "n" + i));
            }
            assertThat(cmd.get("counter")).isEqualTo("300");

            sub.unsubscribe("chat");
            sub.punsubscribe("chat.*");
            assertThat(cmd.pubsubNumsub("chat")).isEqualTo(Map.of("chat", 0L));
            assertThat(cmd.pubsubNumpat()).isZero();
            assertThat(cmd.publish("chat", "unheard")).isZero();
            assertThat(field(sub.clientInfo(), "sub")).isEqualTo("0");
            heard.expectNothingMore();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
        }
    }

    @Test
    void keyspaceNotificationsArriveOnKeyspaceAndKeyeventPatterns() throws Exception {
        assertThat(probe.configSet("notify-keyspace-events", "KEA")).isEqualTo("OK");
        Heard heard = new Heard();
        Jedis subscriber = open();
        threads.run(() -> {
            subscriber.psubscribe(heard.jedis(), "__keyspace@0__:*", "__keyevent@0__:*");
            return null;
        });
        heard.expect(words("psubscribe", "__keyspace@0__:*", "1"), words("psubscribe", "__keyevent@0__:*", "2"));

        probe.set("k", "v");
        probe.expire("k", 100);
        probe.del("k");
        probe.select(1);
        probe.set("elsewhere", "v");
        probe.select(0);
        probe.lpush("list", "a");
        heard.expect(
                keyspace("k", "set"),
                keyevent("set", "k"),
                keyspace("k", "expire"),
                keyevent("expire", "k"),
                keyspace("k", "del"),
                keyevent("del", "k"),
                keyspace("list", "lpush"),
                keyevent("lpush", "list"));

        probe.set("brief", "v", SetParams.setParams().px(50));
        heard.expect(
                keyspace("brief", "set"),
                keyevent("set", "brief"),
                keyspace("brief", "expire"),
                keyevent("expire", "brief"));
        eventually(() -> assertThat(probe.exists("brief")).isFalse());
        heard.expect(keyspace("brief", "expired"), keyevent("expired", "brief"));
        heard.expectNothingMore();
    }

    private static String[] keyspace(String key, String event) {
        return words("pmessage", "__keyspace@0__:*", "__keyspace@0__:" + key, event);
    }

    private static String[] keyevent(String event, String key) {
        return words("pmessage", "__keyevent@0__:*", "__keyevent@0__:" + event, key);
    }
}
