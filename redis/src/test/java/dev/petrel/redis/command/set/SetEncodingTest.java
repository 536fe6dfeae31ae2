package dev.petrel.redis.command.set;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetEncodingTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    private Object encoding(String key) {
        return c.call("OBJECT", "ENCODING", key);
    }

    @Test
    void integersStayAnIntsetUpToTheLimit() {
        for (int i = 0; i < 512; i++) {
            c.call("SADD", "s", Integer.toString(i * 1000));
        }
        assertThat(encoding("s")).isEqualTo("intset");
        c.call("SADD", "s", "-1");
        assertThat(encoding("s")).isEqualTo("hashtable");
        c.call("SREM", "s", "-1");
        assertThat(encoding("s")).isEqualTo("hashtable"); // never back
        assertThat(c.call("SCARD", "s")).isEqualTo(512L);
        assertThat(c.call("SISMEMBER", "s", "511000")).isEqualTo(1L);
    }

    @Test
    void aNonIntegerMemberConverts() {
        c.call("SADD", "s", "1", "-9223372036854775808", "9223372036854775807");
        assertThat(encoding("s")).isEqualTo("intset");
        c.call("SADD", "s", "01");
        assertThat(encoding("s")).isEqualTo("hashtable");
        assertThat(c.call("SISMEMBER", "s", "-9223372036854775808")).isEqualTo(1L);
        assertThat(c.call("SISMEMBER", "s", "01")).isEqualTo(1L);
        c.call("SADD", "w", "word");
        assertThat(encoding("w")).isEqualTo("hashtable");
        c.call("SADD", "big", "9223372036854775808");
        assertThat(encoding("big")).isEqualTo("hashtable");
    }

    @Test
    void theLimitIsAConfigParameter() {
        assertThat(c.call("CONFIG", "GET", "set-max-intset-entries"))
                .isEqualTo(List.of("set-max-intset-entries", "512"));
        assertThat(c.call("CONFIG", "SET", "set-max-intset-entries", "3")).isEqualTo("OK");
        c.call("SADD", "n", "1", "2", "3");
        assertThat(encoding("n")).isEqualTo("intset");
        c.call("SADD", "n", "4");
        assertThat(encoding("n")).isEqualTo("hashtable");
        c.call("CONFIG", "SET", "set-max-intset-entries", "0");
        c.call("SADD", "z", "1");
        assertThat(encoding("z")).isEqualTo("hashtable");
    }

    @Test
    void copyIsIndependent() {
        c.call("SADD", "a", "1", "2");
        c.call("SADD", "w", "x", "y");
        c.call("COPY", "a", "b");
        c.call("COPY", "w", "v");
        c.call("SADD", "b", "3");
        c.call("SREM", "v", "x");
        assertThat(c.call("SCARD", "a")).isEqualTo(2L);
        assertThat(c.call("SCARD", "w")).isEqualTo(2L);
        assertThat(encoding("b")).isEqualTo("intset");
    }

    @Test
    void memoryUsageGrowsWithTheSet() {
        c.call("SADD", "s", "1");
        long small = (Long) c.call("MEMORY", "USAGE", "s");
        for (int i = 0; i < 1000; i++) {
            c.call("SADD", "s", "member:" + i);
        }
        long big = (Long) c.call("MEMORY", "USAGE", "s", "SAMPLES", "0");
        assertThat(small).isPositive();
        assertThat(big).isGreaterThan(1000L * 32);
    }
}
