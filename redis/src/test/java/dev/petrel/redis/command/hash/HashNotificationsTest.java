package dev.petrel.redis.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashNotificationsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();
    private final RedisHarness.Conn sub = redis.connect();

    /** The events {@code cmd} published, as "channel key" separated by " | ". */
    private String events(String... cmd) {
        sub.transport.clear();
        c.call(cmd);
        List<String> out = new ArrayList<>();
        for (Object m : RedisHarness.decodeAll(sub.transport.written())) {
            List<?> push = (List<?>) m;
            out.add(push.get(2) + " " + push.get(3));
        }
        return String.join(" | ", out);
    }

    @Test
    void hashEventsAsRedis() {
        c.call("CONFIG", "SET", "notify-keyspace-events", "Eh");
        sub.call("PSUBSCRIBE", "*");
        assertThat(events("HSET", "h", "a", "1")).isEqualTo("__keyevent@0__:hset h");
        assertThat(events("HMSET", "h", "a", "1")).isEqualTo("__keyevent@0__:hset h");
        assertThat(events("HSETNX", "h", "a", "1")).isEmpty();
        assertThat(events("HSETNX", "h", "b", "1")).isEqualTo("__keyevent@0__:hset h");
        assertThat(events("HINCRBY", "h", "n", "1")).isEqualTo("__keyevent@0__:hincrby h");
        assertThat(events("HINCRBYFLOAT", "h", "n", "1")).isEqualTo("__keyevent@0__:hincrbyfloat h");
        assertThat(events("HDEL", "h", "zz")).isEmpty();
        assertThat(events("HDEL", "h", "a")).isEqualTo("__keyevent@0__:hdel h");
        c.call("CONFIG", "SET", "notify-keyspace-events", "Egh");
        assertThat(events("HDEL", "h", "b", "n")).isEqualTo("__keyevent@0__:hdel h | __keyevent@0__:del h");
    }
}
