package dev.petrel.redis.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StringCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void setAndGet() {
        assertThat(c.call("GET", "k")).isNull();
        assertThat(c.call("SET", "k", "v")).isEqualTo("OK");
        assertThat(c.call("GET", "k")).isEqualTo("v");
        assertThat(c.call("SET", "k", "w")).isEqualTo("OK");
        assertThat(c.call("GET", "k")).isEqualTo("w");
    }

    @Test
    void setOptionsFollowRedis() {
        assertThat(c.call("SET", "k", "v", "NX")).isEqualTo("OK");
        assertThat(c.call("SET", "k", "v2", "NX")).isNull();
        assertThat(c.call("SET", "other", "v", "XX")).isNull();
        assertThat(c.call("SET", "k", "v3", "XX", "GET")).isEqualTo("v");
        assertThat(c.call("SET", "k", "v", "NX", "XX")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SET", "k", "v", "EX", "0")).isEqualTo(new Err("ERR invalid expire time in 'set' command"));
        assertThat(c.call("SET", "k", "v", "EX", "x"))
                .isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("SET", "k", "v", "EX", "10", "KEEPTTL")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SET", "k", "v", "EX")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void expiryIsLazyOnAccess() {
        assertThat(c.call("SET", "k", "v", "PX", "1500")).isEqualTo("OK");
        redis.advance(Duration.ofMillis(1499));
        assertThat(c.call("GET", "k")).isEqualTo("v");
        redis.advance(Duration.ofMillis(1));
        assertThat(c.call("GET", "k")).isNull();
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
    }

    @Test
    void keepTtlKeepsTheExpiry() {
        c.call("SET", "k", "v", "EX", "10");
        c.call("SET", "k", "w", "KEEPTTL");
        redis.advance(Duration.ofSeconds(10));
        assertThat(c.call("GET", "k")).isNull();
    }
}
