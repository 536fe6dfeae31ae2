package dev.petrel.redis.command.bits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BitCommandsTest extends BitFixture {
    @Test
    void setbitGrowsTheStringAndAnswersTheOldBit() {
        assertThat(c.call("SETBIT", "k", "7", "1")).isEqualTo(0L);
        assertThat(c.call("SETBIT", "k", "7", "1")).isEqualTo(1L);
        assertThat(c.call("SETBIT", "k", "17", "1")).isEqualTo(0L);
        assertThat(bytes("k")).containsExactly(1, 0, 0x40);
        assertThat(c.call("SETBIT", "k", "7", "0")).isEqualTo(1L);
        assertThat(c.call("GETBIT", "k", "17")).isEqualTo(1L);
        assertThat(c.call("GETBIT", "k", "9999")).isEqualTo(0L);
        assertThat(c.call("GETBIT", "nokey", "3")).isEqualTo(0L);
        assertThat(c.call("SETBIT", "z", "0", "0")).isEqualTo(0L);
        assertThat(c.call("STRLEN", "z")).isEqualTo(1L);
    }

    @Test
    void setbitMakesRawAndKeepsTheExpiry() {
        c.call("SET", "k", "12", "EX", "10");
        assertThat(c.call("SETBIT", "k", "0", "0")).isEqualTo(0L);
        assertThat(encoding("k")).isEqualTo("raw");
        assertThat(c.call("GET", "k")).isEqualTo("12");
        redis.advance(Duration.ofSeconds(10));
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
    }

    @Test
    void bitErrors() {
        assertThat(c.call("SETBIT", "k", "4294967296", "1")).isEqualTo(BIT_OFFSET);
        assertThat(c.call("SETBIT", "k", "-1", "1")).isEqualTo(BIT_OFFSET);
        assertThat(c.call("SETBIT", "k", "x", "2")).isEqualTo(BIT_OFFSET);
        assertThat(c.call("SETBIT", "k", "1", "2")).isEqualTo(new Err("ERR bit is not an integer or out of range"));
        assertThat(c.call("SETBIT", "k", "1", "-1")).isEqualTo(new Err("ERR bit is not an integer or out of range"));
        assertThat(c.call("GETBIT", "k", "#1")).isEqualTo(BIT_OFFSET);
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
        otherType("h");
        assertThat(c.call("SETBIT", "h", "1", "1")).isEqualTo(WRONGTYPE);
        assertThat(c.call("GETBIT", "h", "1")).isEqualTo(WRONGTYPE);
        assertThat(c.call("GETBIT", "h", "x")).isEqualTo(BIT_OFFSET);
    }

    @Test
    void bitopCombinesPaddedWithZeros() {
        setBytes("a", 0xff, 0x0f);
        setBytes("b", 0x3c);
        assertThat(c.call("BITOP", "AND", "d", "a", "b")).isEqualTo(2L);
        assertThat(bytes("d")).containsExactly(0x3c, 0);
        assertThat(c.call("BITOP", "or", "d", "a", "b")).isEqualTo(2L);
        assertThat(bytes("d")).containsExactly(0xff, 0x0f);
        assertThat(c.call("BITOP", "XOR", "d", "a", "b", "nokey")).isEqualTo(2L);
        assertThat(bytes("d")).containsExactly(0xc3, 0x0f);
        assertThat(c.call("BITOP", "NOT", "d", "a")).isEqualTo(2L);
        assertThat(bytes("d")).containsExactly(0, 0xf0);
        assertThat(encoding("d")).isEqualTo("raw");
    }

    @Test
    void bitopReplacesTheDestinationAndAnEmptyResultDeletesIt() {
        c.call("SET", "d", "v", "EX", "10");
        setBytes("a", 1);
        c.call("BITOP", "OR", "d", "a");
        redis.advance(Duration.ofSeconds(20));
        assertThat(bytes("d")).containsExactly(1);
        assertThat(c.call("BITOP", "NOT", "d", "nokey")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "d")).isEqualTo(0L);
        otherType("h");
        assertThat(c.call("BITOP", "OR", "h", "a")).isEqualTo(1L);
        assertThat(bytes("h")).containsExactly(1);
    }

    @Test
    void bitopErrors() {
        assertThat(c.call("BITOP", "NAND", "d", "a")).isEqualTo(SYNTAX);
        assertThat(c.call("BITOP", "NOT", "d", "a", "b"))
                .isEqualTo(new Err("ERR BITOP NOT must be called with a single source key."));
        otherType("h");
        assertThat(c.call("BITOP", "AND", "d", "h")).isEqualTo(WRONGTYPE);
    }
}
