package dev.petrel.redis.command.set;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetNotificationsTest {
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
            out.add(push.get(2).toString().replace("__keyevent@0__:", "") + " " + push.get(3));
        }
        return String.join(" | ", out);
    }

    @Test
    void setEventsAsRedis() {
        c.call("CONFIG", "SET", "notify-keyspace-events", "Egs");
        sub.call("PSUBSCRIBE", "*");
        assertThat(events("SADD", "s", "a", "b")).isEqualTo("sadd s");
        assertThat(events("SADD", "s", "a")).isEmpty();
        assertThat(events("SREM", "s", "zz")).isEmpty();
        assertThat(events("SREM", "s", "a")).isEqualTo("srem s");
        assertThat(events("SMOVE", "s", "t", "b")).isEqualTo("srem s | del s | sadd t");
        assertThat(events("SMOVE", "t", "t", "b")).isEmpty();
        assertThat(events("SADD", "u", "x", "y", "z")).isEqualTo("sadd u");
        assertThat(events("SPOP", "u")).isEqualTo("spop u");
        assertThat(events("SPOP", "u", "0")).isEmpty();
        assertThat(events("SPOP", "u", "5")).isEqualTo("spop u | del u");
        assertThat(events("SUNIONSTORE", "d", "t")).isEqualTo("sunionstore d");
        assertThat(events("SINTERSTORE", "d", "t")).isEqualTo("sinterstore d");
        assertThat(events("SDIFFSTORE", "d", "t")).isEqualTo("sdiffstore d");
        assertThat(events("SDIFFSTORE", "d", "t", "t")).isEqualTo("del d");
        assertThat(events("SINTERSTORE", "d", "nokey")).isEmpty();
        assertThat(events("SREM", "t", "b")).isEqualTo("srem t | del t");
    }
}
