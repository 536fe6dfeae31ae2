package dev.petrel.redis.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MultiCommandsTest extends StringFixture {
    @Test
    void msetSetsEveryPairAndDropsExpiries() {
        c.call("SET", "a", "old", "EX", "10");
        assertThat(c.call("MSET", "a", "1", "b", "2", "a", "3")).isEqualTo("OK");
        redis.advance(Duration.ofSeconds(20));
        assertThat(c.call("MGET", "a", "b", "c")).isEqualTo(Arrays.asList("3", "2", null));
    }

    @Test
    void oddArgumentsAreAnArityError() {
        assertThat(c.call("MSET", "a", "1", "b"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'mset' command"));
        assertThat(c.call("MSETNX", "a", "1", "b"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'msetnx' command"));
        assertThat(c.call("EXISTS", "a")).isEqualTo(0L);
    }

    @Test
    void msetnxIsAllOrNothing() {
        assertThat(c.call("MSETNX", "x", "1", "x", "2")).isEqualTo(1L);
        assertThat(c.call("GET", "x")).isEqualTo("2");
        assertThat(c.call("MSETNX", "y", "1", "x", "3")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "y")).isEqualTo(0L);
        otherType("h");
        assertThat(c.call("MSETNX", "z", "1", "h", "3")).isEqualTo(0L);
    }

    @Test
    void mgetReadsOtherTypesAsNull() {
        otherType("h");
        c.call("SET", "k", "v");
        assertThat(c.call("MGET", "h", "k")).isEqualTo(Arrays.asList(null, "v"));
    }

    @Test
    void msetOverwritesOtherTypes() {
        otherType("h");
        c.call("MSET", "h", "v");
        assertThat(c.call("GET", "h")).isEqualTo("v");
    }
}
