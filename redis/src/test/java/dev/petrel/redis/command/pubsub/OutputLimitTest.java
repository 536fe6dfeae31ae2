package dev.petrel.redis.command.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Conn;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputLimitTest {
    private static final String PARAM = "client-output-buffer-limit";
    private final RedisHarness redis = new RedisHarness();
    private final Conn sub = redis.connect();
    private final Conn pub = redis.connect();

    @Test
    void defaultAndPartialSetKeepTheOtherClasses() {
        assertThat(pub.call("CONFIG", "GET", PARAM))
                .isEqualTo(List.of(PARAM, "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60"));
        assertThat(pub.call("CONFIG", "SET", PARAM, "pubsub 1mb 100kb 5")).isEqualTo("OK");
        assertThat(pub.call("CONFIG", "SET", PARAM, "replica 1 2 3")).isEqualTo("OK");
        assertThat(pub.call("CONFIG", "GET", PARAM))
                .isEqualTo(List.of(PARAM, "normal 0 0 0 slave 1 2 3 pubsub 1048576 102400 5"));
        assertThat(pub.call("CONFIG", "SET", PARAM, "")).isEqualTo("OK");
        assertThat(pub.call("CONFIG", "SET", PARAM, "PUBSUB 1gb 1k 0")).isEqualTo("OK");
        assertThat(pub.call("CONFIG", "GET", PARAM))
                .isEqualTo(List.of(PARAM, "normal 0 0 0 slave 1 2 3 pubsub 1073741824 1000 0"));
    }

    @Test
    void badValuesAreRefusedInRedisWords() {
        String prefix = "ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - ";
        assertThat(pub.call("CONFIG", "SET", PARAM, "pubsub 1 2"))
                .isEqualTo(new Err(prefix + "Wrong number of arguments in buffer limit configuration."));
        assertThat(pub.call("CONFIG", "SET", PARAM, "master 1 2 3"))
                .isEqualTo(new Err(prefix + "Invalid client class specified in buffer limit configuration."));
        assertThat(pub.call("CONFIG", "SET", PARAM, "pubsub 1x 2 3"))
                .isEqualTo(new Err(
                        prefix + "Error in hard, soft or soft_seconds setting in buffer limit" + " configuration."));
        assertThat(pub.call("CONFIG", "SET", PARAM, "pubsub 1 2 -3"))
                .isEqualTo(new Err(
                        prefix + "Error in hard, soft or soft_seconds setting in buffer limit" + " configuration."));
    }

    @Test
    void aSubscriberThatStopsReadingIsClosedAtTheHardLimit() {
        pub.call("CONFIG", "SET", PARAM, "pubsub 100000 0 0");
        sub.call("SUBSCRIBE", "c");
        sub.transport.holdWrites(true);
        Conn reader = redis.connect();
        reader.call("SUBSCRIBE", "c");
        String msg = "x".repeat(1000);
        int sent = 0;
        while (!sub.closed() && sent < 1000) {
            assertThat(pub.call("PUBLISH", "c", msg)).isIn(1L, 2L);
            assertThat(sub.transport.pendingOutboundBytes()).isLessThan(100_000 + 2000); // the heap stays bounded
            sent++;
        }
        assertThat(sub.closed()).isTrue();
        assertThat(sent).isBetween(90, 110);
        assertThat(sub.transport.pendingOutboundBytes()).isZero(); // dropped, not written
        assertThat(pub.call("PUBSUB", "NUMSUB", "c")).isEqualTo(List.of("c", 1L));
        assertThat(pub.call("PUBLISH", "c", msg)).isEqualTo(1L);
        assertThat(reader.closed()).isFalse();
    }

    @Test
    void aSubscriberAboveTheSoftLimitLongerThanItsSecondsIsClosed() {
        pub.call("CONFIG", "SET", PARAM, "pubsub 0 5000 2");
        sub.call("SUBSCRIBE", "c");
        sub.transport.holdWrites(true);
        String msg = "x".repeat(1000);
        for (int i = 0; i < 10; i++) {
            pub.call("PUBLISH", "c", msg);
        }
        assertThat(sub.closed()).isFalse(); // above the soft limit, but not for long
        redis.advance(Duration.ofSeconds(2));
        pub.call("PUBLISH", "c", msg);
        assertThat(sub.closed()).isFalse(); // 2 seconds is not more than 2
        redis.advance(Duration.ofSeconds(1));
        pub.call("PUBLISH", "c", msg);
        assertThat(sub.closed()).isTrue();
    }

    @Test
    void readingBelowTheSoftLimitRestartsItsClock() {
        pub.call("CONFIG", "SET", PARAM, "pubsub 0 5000 2");
        sub.call("SUBSCRIBE", "c");
        sub.transport.holdWrites(true);
        String msg = "x".repeat(1000);
        for (int i = 0; i < 6; i++) {
            pub.call("PUBLISH", "c", msg);
        }
        redis.advance(Duration.ofSeconds(2));
        sub.transport.drain();
        pub.call("PUBLISH", "c", msg); // below the soft limit: the clock stops
        for (int i = 0; i < 6; i++) {
            pub.call("PUBLISH", "c", msg);
        }
        redis.advance(Duration.ofSeconds(2));
        pub.call("PUBLISH", "c", msg);
        assertThat(sub.closed()).isFalse();
    }

    @Test
    void zeroMeansNoLimit() {
        pub.call("CONFIG", "SET", PARAM, "pubsub 0 0 0");
        sub.call("SUBSCRIBE", "c");
        sub.transport.holdWrites(true);
        String msg = "x".repeat(10_000);
        for (int i = 0; i < 200; i++) {
            pub.call("PUBLISH", "c", msg);
        }
        assertThat(sub.closed()).isFalse();
        assertThat(sub.transport.pendingOutboundBytes()).isGreaterThan(2_000_000);
    }
}
