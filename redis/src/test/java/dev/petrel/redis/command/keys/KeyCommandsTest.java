package dev.petrel.redis.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void delAndUnlinkCountWhatExisted() {
        c.call("SET", "a", "1");
        c.call("SET", "b", "2");
        assertThat(c.call("DEL", "a", "a", "nope")).isEqualTo(1L);
        assertThat(c.call("UNLINK", "b", "a")).isEqualTo(1L);
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
        assertThat(c.call("UNLINK")).isEqualTo(new Err("ERR wrong number of arguments for 'unlink' command"));
    }

    @Test
    void existsCountsRepeatsAndIgnoresExpiredKeys() {
        c.call("SET", "a", "1");
        c.call("SET", "gone", "1", "PX", "10");
        assertThat(c.call("EXISTS", "a", "a", "nope")).isEqualTo(2L);
        redis.advance(Duration.ofMillis(10));
        assertThat(c.call("EXISTS", "gone")).isEqualTo(0L);
    }

    @Test
    void typeNamesStringsAndNone() {
        c.call("SET", "s", "v");
        assertThat(c.call("TYPE", "s")).isEqualTo("string");
        assertThat(c.call("TYPE", "nope")).isEqualTo("none");
        assertThat(c.call("TYPE")).isEqualTo(new Err("ERR wrong number of arguments for 'type' command"));
    }

    @Test
    void touchCountsExistingKeysAndResetsIdleTime() {
        c.call("SET", "a", "1");
        redis.advance(Duration.ofSeconds(30));
        assertThat(c.call("OBJECT", "IDLETIME", "a")).isEqualTo(30L);
        assertThat(c.call("TOUCH", "a", "nope", "a")).isEqualTo(2L);
        assertThat(c.call("OBJECT", "IDLETIME", "a")).isEqualTo(0L);
    }

    @Test
    void randomkeyReturnsLiveKeysAndDropsExpiredOnes() {
        assertThat(c.call("RANDOMKEY")).isNull();
        c.call("SET", "a", "1");
        c.call("SET", "b", "2");
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(c.call("RANDOMKEY"));
        }
        assertThat(seen).containsExactlyInAnyOrder("a", "b");
        c.call("DEL", "b");
        c.call("PEXPIRE", "a", "5");
        c.call("SET", "x", "1", "PX", "5");
        redis.advance(Duration.ofMillis(5));
        assertThat(c.call("RANDOMKEY")).isNull();
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
    }

    @Test
    void flushdbAndFlushallTakeAnOptionalMode() {
        c.call("SET", "a", "1");
        c.call("MOVE", "a", "1");
        c.call("SET", "b", "1");
        assertThat(c.call("FLUSHDB", "SYNC")).isEqualTo("OK");
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
        assertThat(c.call("FLUSHDB", "later")).isEqualTo(new Err("ERR syntax error"));
        c.call("SELECT", "1");
        assertThat(c.call("DBSIZE")).isEqualTo(1L);
        assertThat(c.call("FLUSHALL", "async")).isEqualTo("OK");
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
        assertThat(c.call("FLUSHALL", "ASYNC", "SYNC")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void keyspaceStatsCountReadsNotWrites() {
        c.call("SET", "a", "1");
        var ks = redis.instance.keyspace();
        long hits = ks.hits();
        long misses = ks.misses();
        c.call("EXISTS", "a", "nope");
        c.call("TYPE", "a");
        assertThat(ks.hits() - hits).isEqualTo(2);
        assertThat(ks.misses() - misses).isEqualTo(1);
        c.call("DEL", "a");
        assertThat(ks.hits() - hits).isEqualTo(2);
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
        assertThat((List<?>) c.call("KEYS", "*")).isEmpty();
    }
}
