package dev.petrel.redis.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisConfig;
import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RangeCommandsTest extends StringFixture {
    @Test
    void getrangeClampsAndCountsFromTheEnd() {
        c.call("SET", "s", "hello");
        assertThat(c.call("GETRANGE", "s", "-3", "-1")).isEqualTo("llo");
        assertThat(c.call("GETRANGE", "s", "-1", "-3")).isEqualTo("");
        assertThat(c.call("GETRANGE", "s", "3", "100")).isEqualTo("lo");
        assertThat(c.call("GETRANGE", "s", "0", "-100")).isEqualTo("h");
        assertThat(c.call("GETRANGE", "s", "9223372036854775807", "-9223372036854775808"))
                .isEqualTo("");
        assertThat(c.call("SUBSTR", "s", "1", "2")).isEqualTo("el");
        assertThat(c.call("GETRANGE", "nokey", "0", "-1")).isEqualTo("");
        assertThat(c.call("GETRANGE", "s", "x", "1")).isEqualTo(NOT_INTEGER);
        c.call("SET", "i", "12345");
        assertThat(c.call("GETRANGE", "i", "1", "2")).isEqualTo("23");
        otherType("h");
        assertThat(c.call("GETRANGE", "h", "0", "1")).isEqualTo(WRONGTYPE);
    }

    @Test
    void setrangePadsWithZerosAndKeepsTheExpiry() {
        c.call("SET", "s", "hello", "EX", "10");
        assertThat(c.call("SETRANGE", "s", "1", "EL")).isEqualTo(5L);
        assertThat(c.call("SETRANGE", "s", "7", "X")).isEqualTo(8L);
        assertThat(c.call("GET", "s")).isEqualTo("hELlo\0\0X");
        assertThat(encoding("s")).isEqualTo("raw");
        redis.advance(Duration.ofSeconds(10));
        assertThat(c.call("EXISTS", "s")).isEqualTo(0L);
    }

    @Test
    void setrangeNearTheLargestOffsetIsRefusedNotOverflowed() {
        String tooBig = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
        c.call("APPEND", "k", "k");
        assertThat(c.call("SETRANGE", "k", "9223372036854775807", "k:1")).isEqualTo(new Err(tooBig));
        assertThat(c.call("SETRANGE", "n", "9223372036854775800", "abcdefghijkl"))
                .isEqualTo(new Err(tooBig));
        assertThat(c.call("GET", "k")).isEqualTo("k");
    }

    @Test
    void setrangeEdges() {
        assertThat(c.call("SETRANGE", "n", "3", "")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "n")).isEqualTo(0L);
        assertThat(c.call("SETRANGE", "n", "2", "ab")).isEqualTo(4L);
        assertThat(c.call("GET", "n")).isEqualTo("\0\0ab");
        assertThat(c.call("SETRANGE", "n", "1", "")).isEqualTo(4L);
        assertThat(c.call("SETRANGE", "n", "-1", "x")).isEqualTo(new Err("ERR offset is out of range"));
        assertThat(c.call("SETRANGE", "n", "x", "x")).isEqualTo(NOT_INTEGER);
        assertThat(c.call("SETRANGE", "n", "536870912", "x"))
                .isEqualTo(new Err("ERR string exceeds maximum allowed size (proto-max-bulk-len)"));
        otherType("h");
        assertThat(c.call("SETRANGE", "h", "0", "")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SETRANGE", "h", "-1", "x")).isEqualTo(new Err("ERR offset is out of range"));
    }

    @Test
    void theLimitIsTheConfiguredProtoMaxBulkLen() {
        RedisConfig config = new RedisConfig().port(0);
        config.protoMaxBulkLen = 10;
        var small = new RedisHarness(config).connect();
        assertThat(small.call("SETRANGE", "k", "5", "12345")).isEqualTo(10L);
        assertThat(small.call("SETRANGE", "k", "6", "12345"))
                .isEqualTo(new Err("ERR string exceeds maximum allowed size (proto-max-bulk-len)"));
        assertThat(small.call("APPEND", "k", "x"))
                .isEqualTo(new Err("ERR string exceeds maximum allowed size (proto-max-bulk-len)"));
    }

    @Test
    void strlen() {
        assertThat(c.call("STRLEN", "s")).isEqualTo(0L);
        c.call("SET", "s", "hello");
        assertThat(c.call("STRLEN", "s")).isEqualTo(5L);
        c.call("SET", "i", "-123");
        assertThat(c.call("STRLEN", "i")).isEqualTo(4L);
        otherType("h");
        assertThat(c.call("STRLEN", "h")).isEqualTo(WRONGTYPE);
    }

    @Test
    void appendCreatesLikeSetThenGrowsRaw() {
        assertThat(c.call("APPEND", "k", "12")).isEqualTo(2L);
        assertThat(encoding("k")).isEqualTo("int");
        assertThat(c.call("APPEND", "k", "3")).isEqualTo(3L);
        assertThat(c.call("GET", "k")).isEqualTo("123");
        assertThat(encoding("k")).isEqualTo("raw");
        c.call("SET", "e", "v");
        assertThat(c.call("APPEND", "e", "")).isEqualTo(1L);
        assertThat(encoding("e")).isEqualTo("raw");
        assertThat(c.call("APPEND", "empty", "")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "empty")).isEqualTo(1L);
        c.call("SET", "t", "v", "EX", "10");
        c.call("APPEND", "t", "w");
        redis.advance(Duration.ofSeconds(10));
        assertThat(c.call("EXISTS", "t")).isEqualTo(0L);
        otherType("h");
        assertThat(c.call("APPEND", "h", "x")).isEqualTo(WRONGTYPE);
    }
}
