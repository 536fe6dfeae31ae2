package dev.petrel.redis.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RenameCommandsTest {
    private static final Err NOT_INT = new Err("ERR value is not an integer or out of range");
    private static final Err INT_RANGE =
            new Err("ERR value is out of range, value must between -2147483648 and 2147483647");
    private static final Err DB_RANGE = new Err("ERR DB index is out of range");
    private static final Err SAME = new Err("ERR source and destination objects are the same");

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void renameMovesValueAndExpiryAndReplacesTheTarget() {
        c.call("SET", "a", "hello", "EX", "100");
        c.call("SET", "b", "old", "EX", "5");
        assertThat(c.call("RENAME", "a", "b")).isEqualTo("OK");
        assertThat(c.call("GET", "a")).isNull();
        assertThat(c.call("GET", "b")).isEqualTo("hello");
        assertThat(c.call("TTL", "b")).isEqualTo(100L);
        c.call("SET", "c", "1");
        assertThat(c.call("RENAME", "c", "b")).isEqualTo("OK");
        assertThat(c.call("TTL", "b")).isEqualTo(-1L);
        assertThat(c.call("OBJECT", "ENCODING", "b")).isEqualTo("int");
        assertThat(c.call("DBSIZE")).isEqualTo(1L);
    }

    @Test
    void renameErrorsAndSameName() {
        assertThat(c.call("RENAME", "nope", "x")).isEqualTo(new Err("ERR no such key"));
        assertThat(c.call("RENAMENX", "nope", "nope")).isEqualTo(new Err("ERR no such key"));
        c.call("SET", "a", "1");
        assertThat(c.call("RENAME", "a", "a")).isEqualTo("OK");
        assertThat(c.call("RENAMENX", "a", "a")).isEqualTo(0L);
        assertThat(c.call("GET", "a")).isEqualTo("1");
    }

    @Test
    void renameOfAnExpiredKeyIsNoSuchKey() {
        c.call("SET", "a", "1", "PX", "10");
        redis.advance(Duration.ofMillis(10));
        assertThat(c.call("RENAME", "a", "b")).isEqualTo(new Err("ERR no such key"));
    }

    @Test
    void renamenxOnlyIntoAFreeName() {
        c.call("SET", "a", "1");
        c.call("SET", "b", "2");
        assertThat(c.call("RENAMENX", "a", "b")).isEqualTo(0L);
        assertThat(c.call("RENAMENX", "a", "c")).isEqualTo(1L);
        assertThat(c.call("GET", "c")).isEqualTo("1");
        assertThat(c.call("EXISTS", "a")).isEqualTo(0L);
    }

    @Test
    void copyDuplicatesWithExpiryAndHonoursReplaceAndDb() {
        c.call("SET", "s", "hello", "EX", "50");
        c.call("SET", "t", "x");
        assertThat(c.call("COPY", "s", "t")).isEqualTo(0L);
        assertThat(c.call("COPY", "s", "t", "REPLACE")).isEqualTo(1L);
        assertThat(c.call("GET", "t")).isEqualTo("hello");
        assertThat(c.call("TTL", "t")).isEqualTo(50L);
        assertThat(c.call("COPY", "s", "s", "DB", "1")).isEqualTo(1L);
        assertThat(c.call("COPY", "nope", "u")).isEqualTo(0L);
        c.call("SET", "t", "world", "EX", "50"); // same shape: overwritten in place, so a shared record would show
        assertThat(c.call("GET", "s")).isEqualTo("hello");
        c.call("SELECT", "1");
        assertThat(c.call("GET", "s")).isEqualTo("hello");
    }

    @Test
    void copyErrors() {
        c.call("SET", "s", "v");
        assertThat(c.call("COPY", "s", "s")).isEqualTo(SAME);
        assertThat(c.call("COPY", "s", "u", "DB", "x")).isEqualTo(NOT_INT);
        assertThat(c.call("COPY", "s", "u", "DB", "2147483648")).isEqualTo(INT_RANGE);
        assertThat(c.call("COPY", "s", "u", "DB", "16")).isEqualTo(DB_RANGE);
        assertThat(c.call("COPY", "s", "u", "DB", "-2147483648")).isEqualTo(DB_RANGE);
        assertThat(c.call("COPY", "s", "u", "DB")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("COPY", "s", "u", "foo")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("COPY", "s", "u", "REPLACE", "REPLACE", "DB", "0", "DB", "1"))
                .isEqualTo(1L);
    }

    @Test
    void moveBetweenDatabases() {
        c.call("SET", "s", "v", "EX", "100");
        assertThat(c.call("MOVE", "s", "1")).isEqualTo(1L);
        assertThat(c.call("MOVE", "s", "1")).isEqualTo(0L);
        c.call("SELECT", "1");
        assertThat(c.call("GET", "s")).isEqualTo("v");
        assertThat(c.call("TTL", "s")).isEqualTo(100L);
        c.call("SET", "t", "mine");
        c.call("SELECT", "0");
        c.call("SET", "t", "theirs");
        assertThat(c.call("MOVE", "t", "1")).isEqualTo(0L);
        assertThat(c.call("GET", "t")).isEqualTo("theirs");
    }

    @Test
    void moveErrors() {
        c.call("SET", "s", "v");
        assertThat(c.call("MOVE", "s", "x")).isEqualTo(NOT_INT);
        assertThat(c.call("MOVE", "s", "4294967296")).isEqualTo(INT_RANGE);
        assertThat(c.call("MOVE", "s", "16")).isEqualTo(DB_RANGE);
        assertThat(c.call("MOVE", "s", "-1")).isEqualTo(DB_RANGE);
        assertThat(c.call("MOVE", "s", "0")).isEqualTo(SAME);
        assertThat(c.call("MOVE", "nope", "0")).isEqualTo(SAME);
    }

    @Test
    void swapdbExchangesContents() {
        c.call("SET", "a", "in0");
        c.call("SELECT", "1");
        c.call("SET", "b", "in1");
        assertThat(c.call("SWAPDB", "0", "1")).isEqualTo("OK");
        assertThat(c.call("GET", "a")).isEqualTo("in0");
        assertThat(c.call("GET", "b")).isNull();
        assertThat(c.call("SWAPDB", "1", "1")).isEqualTo("OK");
        assertThat(c.call("SWAPDB", "x", "1")).isEqualTo(new Err("ERR invalid first DB index"));
        assertThat(c.call("SWAPDB", "0", "2147483648")).isEqualTo(new Err("ERR invalid second DB index"));
        assertThat(c.call("SWAPDB", "0", "16")).isEqualTo(DB_RANGE);
        assertThat(c.call("SWAPDB", "-1", "0")).isEqualTo(DB_RANGE);
    }
}
