package dev.petrel.redis.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import org.junit.jupiter.api.Test;

class HashCounterCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void hincrbyCreatesAndAdds() {
        assertThat(c.call("HINCRBY", "h", "n", "5")).isEqualTo(5L);
        assertThat(c.call("HINCRBY", "h", "n", "-7")).isEqualTo(-2L);
        assertThat(c.call("HGET", "h", "n")).isEqualTo("-2");
    }

    @Test
    void hincrbyErrors() {
        assertThat(c.call("HINCRBY", "h", "n", "x")).isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("EXISTS", "h")).isEqualTo(0L);
        c.call("HSET", "h", "s", "abc", "sp", " 1", "z", "01", "max", "9223372036854775807");
        assertThat(c.call("HINCRBY", "h", "s", "1")).isEqualTo(new Err("ERR hash value is not an integer"));
        assertThat(c.call("HINCRBY", "h", "sp", "1")).isEqualTo(new Err("ERR hash value is not an integer"));
        assertThat(c.call("HINCRBY", "h", "z", "1")).isEqualTo(new Err("ERR hash value is not an integer"));
        assertThat(c.call("HINCRBY", "h", "max", "1")).isEqualTo(new Err("ERR increment or decrement would overflow"));
        assertThat(c.call("HINCRBY", "h", "max", "0")).isEqualTo(9223372036854775807L);
        c.call("HSET", "h", "min", "-9223372036854775808");
        assertThat(c.call("HINCRBY", "h", "min", "-1")).isEqualTo(new Err("ERR increment or decrement would overflow"));
    }

    @Test
    void hincrbyfloatUsesLongDoubleText() {
        assertThat(c.call("HINCRBYFLOAT", "h", "f", "10.5")).isEqualTo("10.5");
        assertThat(c.call("HINCRBYFLOAT", "h", "f", "0.1")).isEqualTo("10.6");
        c.call("HSET", "h", "e", "1.5e3");
        assertThat(c.call("HINCRBYFLOAT", "h", "e", "0.1")).isEqualTo("1500.09999999999999998");
        assertThat(c.call("HINCRBYFLOAT", "h", "g", "5.0e3")).isEqualTo("5000");
        assertThat(c.call("HGET", "h", "g")).isEqualTo("5000");
        c.call("HSET", "h", "i", "7");
        assertThat(c.call("HINCRBYFLOAT", "h", "i", "-7")).isEqualTo("0");
    }

    @Test
    void hincrbyfloatErrors() {
        assertThat(c.call("HINCRBYFLOAT", "h", "f", "x")).isEqualTo(new Err("ERR value is not a valid float"));
        assertThat(c.call("HINCRBYFLOAT", "h", "f", "nan")).isEqualTo(new Err("ERR value is not a valid float"));
        assertThat(c.call("HINCRBYFLOAT", "h", "f", "inf")).isEqualTo(new Err("ERR value is NaN or Infinity"));
        assertThat(c.call("EXISTS", "h")).isEqualTo(0L);
        c.call("HSET", "h", "s", "abc", "inf", "inf");
        assertThat(c.call("HINCRBYFLOAT", "h", "s", "1")).isEqualTo(new Err("ERR hash value is not a float"));
        assertThat(c.call("HINCRBYFLOAT", "h", "inf", "1"))
                .isEqualTo(new Err("ERR increment would produce NaN or Infinity"));
        c.call("SET", "str", "1");
        assertThat(c.call("HINCRBYFLOAT", "str", "f", "x")).isEqualTo(new Err("ERR value is not a valid float"));
    }
}
