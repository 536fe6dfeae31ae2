package dev.petrel.redis.command.zset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZBlockingCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();
    private final RedisHarness.Conn waiter = redis.connect();

    @Test
    void popsAtOnceWhenAKeyHasElements() {
        c.call("ZADD", "b", "1", "x", "2", "y");
        assertThat(c.call("BZPOPMAX", "a", "b", "0")).isEqualTo(List.of("b", "y", "2"));
        assertThat(c.call("BZMPOP", "0", "2", "a", "b", "MIN", "COUNT", "5"))
                .isEqualTo(List.of("b", List.of(List.of("x", "1"))));
        assertThat(c.call("EXISTS", "b")).isEqualTo(0L);
        c.call("SET", "s", "v");
        assertThat(c.call("BZPOPMIN", "s", "0"))
                .isEqualTo(new Err("WRONGTYPE Operation against a key holding the wrong kind of value"));
        assertThat(c.call("BZPOPMIN", "a", "-1")).isEqualTo(new Err("ERR timeout is negative"));
        assertThat(c.call("BZMPOP", "0", "0", "a", "MIN")).isEqualTo(new Err("ERR numkeys should be greater than 0"));
    }

    @Test
    void blocksUntilZaddThenServes() {
        assertThat(waiter.send(RedisHarness.encode("BZPOPMIN", "k", "0"))).isEmpty();
        waiter.transport.clear();
        assertThat(c.call("ZADD", "k", "3", "a", "1", "b")).isEqualTo(2L);
        assertThat(RedisHarness.decodeAll(waiter.transport.written())).isEqualTo(List.of(List.of("k", "b", "1")));
        assertThat(c.call("ZRANGE", "k", "0", "-1")).isEqualTo(List.of("a"));
    }

    @Test
    void bzmpopTimesOutWithANullArray() {
        assertThat(waiter.send(RedisHarness.encode("BZMPOP", "1", "1", "k", "MAX")))
                .isEmpty();
        waiter.transport.clear();
        redis.advance(Duration.ofMillis(1100));
        assertThat(RedisHarness.decodeAll(waiter.transport.written())).containsExactly((Object) null);
    }
}
