package dev.petrel.redis.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashCommandsTest {
    private static final Err WRONGTYPE = new Err("WRONGTYPE Operation against a key holding the wrong kind of value");

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void hsetCountsNewFieldsAndOverwrites() {
        assertThat(c.call("HSET", "h", "a", "1", "b", "2")).isEqualTo(2L);
        assertThat(c.call("HSET", "h", "a", "10", "c", "3", "a", "11")).isEqualTo(1L);
        assertThat(c.call("HGET", "h", "a")).isEqualTo("11");
        assertThat(c.call("HGETALL", "h")).isEqualTo(List.of("a", "11", "b", "2", "c", "3"));
        assertThat(c.call("HLEN", "h")).isEqualTo(3L);
        assertThat(c.call("TYPE", "h")).isEqualTo("hash");
    }

    @Test
    void hsetArityAndWrongType() {
        assertThat(c.call("HSET", "h", "a", "1", "b"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'hset' command"));
        assertThat(c.call("HMSET", "h", "a", "1", "b"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'hmset' command"));
        assertThat(c.call("HSET", "h", "a")).isEqualTo(new Err("ERR wrong number of arguments for 'hset' command"));
        assertThat(c.call("EXISTS", "h")).isEqualTo(0L);
        c.call("SET", "s", "x");
        for (String[] cmd : new String[][] {
            {"HSET", "s", "a", "1"},
            {"HSETNX", "s", "a", "1"},
            {"HMSET", "s", "a", "1"},
            {"HGET", "s", "a"},
            {"HMGET", "s", "a"},
            {"HGETALL", "s"},
            {"HLEN", "s"},
            {"HKEYS", "s"},
            {"HVALS", "s"},
            {"HEXISTS", "s", "a"},
            {"HDEL", "s", "a"},
            {"HINCRBY", "s", "a", "1"},
            {"HINCRBYFLOAT", "s", "a", "1"},
            {"HSTRLEN", "s", "a"},
            {"HRANDFIELD", "s"},
            {"HRANDFIELD", "s", "1"},
            {"HSCAN", "s", "0"}
        }) {
            assertThat(c.call(cmd)).as(String.join(" ", cmd)).isEqualTo(WRONGTYPE);
        }
    }

    @Test
    void hmsetRepliesOk() {
        assertThat(c.call("HMSET", "h", "a", "1", "b", "2")).isEqualTo("OK");
        assertThat(c.call("HMGET", "h", "b", "zz", "a")).isEqualTo(Arrays.asList("2", null, "1"));
        assertThat(c.call("HMGET", "missing", "a", "b")).isEqualTo(Arrays.asList(null, null));
    }

    @Test
    void hsetnxSetsOnlyNewFields() {
        assertThat(c.call("HSETNX", "h", "a", "1")).isEqualTo(1L);
        assertThat(c.call("HSETNX", "h", "a", "2")).isEqualTo(0L);
        assertThat(c.call("HGET", "h", "a")).isEqualTo("1");
    }

    @Test
    void singleFieldReads() {
        c.call("HSET", "h", "a", "hello", "empty", "");
        assertThat(c.call("HGET", "h", "zz")).isNull();
        assertThat(c.call("HGET", "missing", "a")).isNull();
        assertThat(c.call("HEXISTS", "h", "a")).isEqualTo(1L);
        assertThat(c.call("HEXISTS", "h", "zz")).isEqualTo(0L);
        assertThat(c.call("HEXISTS", "missing", "a")).isEqualTo(0L);
        assertThat(c.call("HSTRLEN", "h", "a")).isEqualTo(5L);
        assertThat(c.call("HSTRLEN", "h", "empty")).isEqualTo(0L);
        assertThat(c.call("HSTRLEN", "h", "zz")).isEqualTo(0L);
        assertThat(c.call("HLEN", "missing")).isEqualTo(0L);
        assertThat(c.call("HGET", "h", "empty")).isEqualTo("");
    }

    @Test
    void hdelDeletesTheKeyWhenEmpty() {
        c.call("HSET", "h", "a", "1", "b", "2", "c", "3");
        assertThat(c.call("HDEL", "h", "a", "a", "zz")).isEqualTo(1L);
        assertThat(c.call("HKEYS", "h")).isEqualTo(List.of("b", "c"));
        assertThat(c.call("HDEL", "h", "b", "c", "b")).isEqualTo(2L);
        assertThat(c.call("EXISTS", "h")).isEqualTo(0L);
        assertThat(c.call("HDEL", "h", "a")).isEqualTo(0L);
    }

    @Test
    void wholeHashReadsOfMissingKeysAreEmpty() {
        assertThat(c.call("HGETALL", "missing")).isEqualTo(List.of());
        assertThat(c.call("HKEYS", "missing")).isEqualTo(List.of());
        assertThat(c.call("HVALS", "missing")).isEqualTo(List.of());
        c.call("HELLO", "3");
        c.call("HGETALL", "missing");
        assertThat(written()).isEqualTo("%0\r\n");
        c.call("HKEYS", "missing");
        assertThat(written()).isEqualTo("*0\r\n");
    }

    @Test
    void hgetallIsAMapInResp3() {
        c.call("HSET", "h", "a", "1");
        c.call("HGETALL", "h");
        assertThat(written()).isEqualTo("*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        c.call("HELLO", "3");
        c.call("HGETALL", "h");
        assertThat(written()).isEqualTo("%1\r\n$1\r\na\r\n$1\r\n1\r\n");
        c.call("HVALS", "h");
        assertThat(written()).isEqualTo("*1\r\n$1\r\n1\r\n");
    }

    @Test
    void expiredHashVanishes() {
        c.call("HSET", "h", "a", "1");
        c.call("PEXPIRE", "h", "100");
        redis.advance(Duration.ofMillis(100));
        assertThat(c.call("HGET", "h", "a")).isNull();
        assertThat(c.call("HSET", "h", "b", "2")).isEqualTo(1L);
        assertThat(c.call("HGETALL", "h")).isEqualTo(List.of("b", "2"));
        assertThat(c.call("TTL", "h")).isEqualTo(-1L);
    }

    @Test
    void copyIsDeep() {
        c.call("HSET", "h", "a", "1");
        assertThat(c.call("COPY", "h", "h2")).isEqualTo(1L);
        c.call("HSET", "h", "a", "2");
        assertThat(c.call("HGET", "h2", "a")).isEqualTo("1");
        assertThat(c.call("OBJECT", "ENCODING", "h2")).isEqualTo("listpack");
        assertThat((Long) c.call("MEMORY", "USAGE", "h2")).isPositive();
    }

    @Test
    void binaryFieldsAndValues() {
        c.call("HSET", "h", "f\u0000\r\n", "v\u0000");
        assertThat(c.call("HGET", "h", "f\u0000\r\n")).isEqualTo("v\u0000");
        assertThat(c.call("HSTRLEN", "h", "f\u0000\r\n")).isEqualTo(2L);
    }

    private String written() {
        return new String(c.transport.written(), StandardCharsets.UTF_8);
    }
}
