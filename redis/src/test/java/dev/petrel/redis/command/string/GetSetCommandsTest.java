package dev.petrel.redis.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GetSetCommandsTest extends StringFixture {
    @Test
    void setnxSetsOnlyAMissingKeyOfAnyType() {
        assertThat(c.call("SETNX", "k", "v")).isEqualTo(1L);
        assertThat(c.call("SETNX", "k", "w")).isEqualTo(0L);
        assertThat(c.call("GET", "k")).isEqualTo("v");
        otherType("h");
        assertThat(c.call("SETNX", "h", "w")).isEqualTo(0L);
    }

    @Test
    void setexAndPsetexSetAnExpiry() {
        assertThat(c.call("SETEX", "k", "10", "v")).isEqualTo("OK");
        assertThat(c.call("PSETEX", "p", "1500", "v")).isEqualTo("OK");
        redis.advance(Duration.ofMillis(1500));
        assertThat(c.call("GET", "p")).isNull();
        assertThat(c.call("GET", "k")).isEqualTo("v");
        redis.advance(Duration.ofMillis(8500));
        assertThat(c.call("GET", "k")).isNull();
    }

    @Test
    void setexRefusesBadTimes() {
        assertThat(c.call("SETEX", "k", "0", "v")).isEqualTo(new Err("ERR invalid expire time in 'setex' command"));
        assertThat(c.call("SETEX", "k", "-1", "v")).isEqualTo(new Err("ERR invalid expire time in 'setex' command"));
        assertThat(c.call("SETEX", "k", "x", "v")).isEqualTo(NOT_INTEGER);
        assertThat(c.call("SETEX", "k", "9223372036854775807", "v"))
                .isEqualTo(new Err("ERR invalid expire time in 'setex' command"));
        assertThat(c.call("PSETEX", "k", "9223372036854775807", "v"))
                .isEqualTo(new Err("ERR invalid expire time in 'psetex' command"));
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
    }

    @Test
    void setexOverwritesAnyType() {
        otherType("h");
        assertThat(c.call("SETEX", "h", "10", "v")).isEqualTo("OK");
        assertThat(c.call("GET", "h")).isEqualTo("v");
    }

    @Test
    void setOptionsMayRepeatButNotConflict() {
        assertThat(c.call("SET", "k", "v", "EX", "10", "EX", "20")).isEqualTo("OK");
        redis.advance(Duration.ofSeconds(15));
        assertThat(c.call("GET", "k")).isEqualTo("v");
        assertThat(c.call("SET", "k", "v", "EX", "10", "EX", "x")).isEqualTo(NOT_INTEGER);
        assertThat(c.call("SET", "k", "v", "EX", "10", "PX", "10")).isEqualTo(SYNTAX);
        assertThat(c.call("SET", "k", "w", "NX", "NX")).isNull();
    }

    @Test
    void getsetReturnsTheOldValueAndDropsTheExpiry() {
        assertThat(c.call("GETSET", "k", "v")).isNull();
        c.call("SET", "k", "v", "EX", "10");
        assertThat(c.call("GETSET", "k", "w")).isEqualTo("v");
        redis.advance(Duration.ofSeconds(20));
        assertThat(c.call("GET", "k")).isEqualTo("w");
        otherType("h");
        assertThat(c.call("GETSET", "h", "w")).isEqualTo(WRONGTYPE);
    }

    @Test
    void getdelDeletes() {
        c.call("SET", "k", "v");
        assertThat(c.call("GETDEL", "k")).isEqualTo("v");
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
        assertThat(c.call("GETDEL", "k")).isNull();
        otherType("h");
        assertThat(c.call("GETDEL", "h")).isEqualTo(WRONGTYPE);
        assertThat(c.call("EXISTS", "h")).isEqualTo(1L);
    }

    @Test
    void getexChangesTheExpiry() {
        c.call("SET", "k", "v");
        assertThat(c.call("GETEX", "k", "PX", "1000")).isEqualTo("v");
        assertThat(c.call("GETEX", "k", "PERSIST")).isEqualTo("v");
        redis.advance(Duration.ofSeconds(2));
        assertThat(c.call("GETEX", "k")).isEqualTo("v");
        assertThat(c.call("GETEX", "k", "EX", "1", "EX", "5")).isEqualTo("v");
        redis.advance(Duration.ofSeconds(3));
        assertThat(c.call("GET", "k")).isEqualTo("v");
        assertThat(c.call("GETEX", "k", "EXAT", "1")).isEqualTo("v"); // in the past: deleted
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
        assertThat(c.call("GETEX", "nokey", "EX", "10")).isNull();
    }

    @Test
    void getexErrors() {
        c.call("SET", "k", "v");
        assertThat(c.call("GETEX", "k", "EX", "10", "PERSIST")).isEqualTo(SYNTAX);
        assertThat(c.call("GETEX", "k", "KEEPTTL")).isEqualTo(SYNTAX);
        assertThat(c.call("GETEX", "k", "NX")).isEqualTo(SYNTAX);
        assertThat(c.call("GETEX", "k", "EX")).isEqualTo(SYNTAX);
        assertThat(c.call("GETEX", "k", "EX", "0")).isEqualTo(new Err("ERR invalid expire time in 'getex' command"));
        otherType("h");
        assertThat(c.call("GETEX", "h")).isEqualTo(WRONGTYPE);
        assertThat(c.call("GET", "h")).isEqualTo(WRONGTYPE);
    }

    @Test
    void encodingsFollowRedis() {
        c.call("SET", "i", "12345");
        c.call("SET", "e", "x".repeat(44));
        c.call("SET", "r", "x".repeat(45));
        c.call("SET", "z", "012");
        assertThat(encoding("i")).isEqualTo("int");
        assertThat(encoding("e")).isEqualTo("embstr");
        assertThat(encoding("r")).isEqualTo("raw");
        assertThat(encoding("z")).isEqualTo("embstr");
    }
}
