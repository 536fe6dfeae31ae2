package dev.petrel.redis.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashEncodingTest {
    private static final String LONG = "x".repeat(65);
    private static final String MAX = "x".repeat(64);

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    private Object encoding(String key) {
        return c.call("OBJECT", "ENCODING", key);
    }

    @Test
    void defaultsAreRedis70s() {
        assertThat(c.call("CONFIG", "GET", "hash-max-listpack-entries"))
                .isEqualTo(List.of("hash-max-listpack-entries", "512"));
        assertThat(c.call("CONFIG", "GET", "hash-max-ziplist-value"))
                .isEqualTo(List.of("hash-max-ziplist-value", "64"));
    }

    @Test
    void aLongFieldOrValueConverts() {
        c.call("HSET", "a", MAX, MAX);
        assertThat(encoding("a")).isEqualTo("listpack");
        c.call("HSET", "b", "f", LONG);
        assertThat(encoding("b")).isEqualTo("hashtable");
        c.call("HINCRBYFLOAT", "c", LONG, "1");
        assertThat(encoding("c")).isEqualTo("hashtable");
        c.call("HSET", "d", "f", "1");
        c.call("HSETNX", "d", "f", LONG); // the field exists: nothing is set, nothing converts
        assertThat(encoding("d")).isEqualTo("listpack");
        c.call("HSETNX", "d", LONG, "1");
        assertThat(encoding("d")).isEqualTo("hashtable");
        assertThat(c.call("HGET", "d", "f")).isEqualTo("1");
    }

    @Test
    void tooManyEntriesConvertAndNeverBack() {
        assertThat(c.call("CONFIG", "SET", "hash-max-ziplist-entries", "2")).isEqualTo("OK");
        c.call("HSET", "g", "a", "1", "b", "2");
        assertThat(encoding("g")).isEqualTo("listpack");
        c.call("HSET", "g", "c", "3");
        assertThat(encoding("g")).isEqualTo("hashtable");
        c.call("HDEL", "g", "a", "b");
        assertThat(encoding("g")).isEqualTo("hashtable");
        assertThat(c.call("HGETALL", "g")).isEqualTo(List.of("c", "3"));
        c.call("CONFIG", "SET", "hash-max-listpack-entries", "0");
        c.call("HSET", "z", "", "");
        assertThat(encoding("z")).isEqualTo("hashtable");
    }

    @Test
    void aComputedValuePastTheLimitConverts() {
        c.call("CONFIG", "SET", "hash-max-listpack-value", "3");
        c.call("HSET", "h", "f", "1");
        assertThat(c.call("HINCRBY", "h", "f", "100000")).isEqualTo(100001L);
        assertThat(encoding("h")).isEqualTo("hashtable");
        c.call("CONFIG", "SET", "hash-max-listpack-value", "0");
        c.call("HSET", "e", "", "");
        assertThat(encoding("e")).isEqualTo("listpack");
    }

    @Test
    void configChecksValues() {
        assertThat(c.call("CONFIG", "SET", "hash-max-listpack-entries", "-1"))
                .isEqualTo(new Err("ERR CONFIG SET failed (possibly related to argument 'hash-max-listpack-entries') -"
                        + " argument must be between 0 and 9223372036854775807 inclusive"));
        assertThat(c.call("CONFIG", "SET", "hash-max-listpack-value", "1kb")).isEqualTo("OK");
        assertThat(c.call("CONFIG", "GET", "hash-max-listpack-value"))
                .isEqualTo(List.of("hash-max-listpack-value", "1024"));
    }

    @Test
    void bothEncodingsAnswerAlike() {
        c.call("CONFIG", "SET", "hash-max-listpack-entries", "4");
        for (String key : new String[] {"small", "big"}) {
            int n = key.equals("small") ? 4 : 40;
            for (int i = 0; i < n; i++) {
                c.call("HSET", key, "f" + i, "v" + i);
            }
            c.call("HSET", key, "f1", "changed", "f2", "same-length!");
            c.call("HSET", key, "f2", "same-length?");
            assertThat(c.call("HGET", key, "f1")).isEqualTo("changed");
            assertThat(c.call("HGET", key, "f2")).isEqualTo("same-length?");
            assertThat(c.call("HDEL", key, "f0", "f3", "nope")).isEqualTo(2L);
            assertThat(c.call("HLEN", key)).isEqualTo((long) n - 2);
            assertThat(c.call("HEXISTS", key, "f0")).isEqualTo(0L);
            assertThat(c.call("HINCRBY", key, "cnt", "2")).isEqualTo(2L);
        }
        assertThat(encoding("small")).isEqualTo("listpack");
        assertThat(encoding("big")).isEqualTo("hashtable");
    }
}
