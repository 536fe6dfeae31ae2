package dev.petrel.redis.command.bits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness.Err;
import org.junit.jupiter.api.Test;

class BitSearchTest extends BitFixture {
    @Test
    void bitcountInBytesAndBits() {
        c.call("SET", "s", "foobar");
        assertThat(c.call("BITCOUNT", "s")).isEqualTo(26L);
        assertThat(c.call("BITCOUNT", "s", "0", "0")).isEqualTo(4L);
        assertThat(c.call("BITCOUNT", "s", "1", "1")).isEqualTo(6L);
        assertThat(c.call("BITCOUNT", "s", "1", "1", "BYTE")).isEqualTo(6L);
        assertThat(c.call("BITCOUNT", "s", "5", "30", "BIT")).isEqualTo(17L);
        assertThat(c.call("BITCOUNT", "s", "-3", "-1")).isEqualTo(10L);
        assertThat(c.call("BITCOUNT", "s", "-1", "-3")).isEqualTo(0L);
        assertThat(c.call("BITCOUNT", "s", "-100", "100")).isEqualTo(26L);
        assertThat(c.call("BITCOUNT", "s", "3", "2")).isEqualTo(0L);
    }

    @Test
    void bitcountChecksTheKeyFirst() {
        assertThat(c.call("BITCOUNT", "nokey", "x", "y")).isEqualTo(0L);
        assertThat(c.call("BITCOUNT", "nokey", "1")).isEqualTo(0L);
        c.call("SET", "s", "abc");
        assertThat(c.call("BITCOUNT", "s", "1")).isEqualTo(SYNTAX);
        assertThat(c.call("BITCOUNT", "s", "0", "1", "2", "3")).isEqualTo(SYNTAX);
        assertThat(c.call("BITCOUNT", "s", "x", "1")).isEqualTo(NOT_INTEGER);
        assertThat(c.call("BITCOUNT", "s", "0", "1", "WORD")).isEqualTo(SYNTAX);
        otherType("h");
        assertThat(c.call("BITCOUNT", "h", "x")).isEqualTo(WRONGTYPE);
    }

    @Test
    void bitposFindsTheFirstBit() {
        setBytes("s", 0xff, 0xf0, 0x00);
        assertThat(c.call("BITPOS", "s", "0")).isEqualTo(12L);
        assertThat(c.call("BITPOS", "s", "1", "1")).isEqualTo(8L);
        assertThat(c.call("BITPOS", "s", "1", "2")).isEqualTo(-1L);
        assertThat(c.call("BITPOS", "s", "0", "2", "-1")).isEqualTo(16L);
        assertThat(c.call("BITPOS", "s", "1", "3", "20", "BIT")).isEqualTo(3L);
        assertThat(c.call("BITPOS", "s", "0", "5", "11", "BIT")).isEqualTo(-1L);
        assertThat(c.call("BITPOS", "s", "0", "5", "12", "bit")).isEqualTo(12L);
        assertThat(c.call("BITPOS", "s", "1", "2", "1")).isEqualTo(-1L);
    }

    @Test
    void bitposOnAllOnesLooksPastTheEndOnlyWithoutAnEnd() {
        setBytes("ones", 0xff, 0xff);
        assertThat(c.call("BITPOS", "ones", "0")).isEqualTo(16L);
        assertThat(c.call("BITPOS", "ones", "0", "1")).isEqualTo(16L);
        assertThat(c.call("BITPOS", "ones", "0", "0", "-1")).isEqualTo(-1L);
        c.call("SET", "empty", "");
        assertThat(c.call("BITPOS", "empty", "0")).isEqualTo(-1L);
    }

    @Test
    void bitposMissingKeyAndErrors() {
        assertThat(c.call("BITPOS", "nokey", "0", "x")).isEqualTo(0L);
        assertThat(c.call("BITPOS", "nokey", "1")).isEqualTo(-1L);
        assertThat(c.call("BITPOS", "nokey", "2")).isEqualTo(new Err("ERR The bit argument must be 1 or 0."));
        assertThat(c.call("BITPOS", "nokey", "x")).isEqualTo(NOT_INTEGER);
        c.call("SET", "s", "abc");
        assertThat(c.call("BITPOS", "s", "1", "x")).isEqualTo(NOT_INTEGER);
        assertThat(c.call("BITPOS", "s", "1", "0", "1", "WORD")).isEqualTo(SYNTAX);
        assertThat(c.call("BITPOS", "s", "1", "0", "1", "BIT", "x")).isEqualTo(SYNTAX);
        otherType("h");
        assertThat(c.call("BITPOS", "h", "1", "x")).isEqualTo(WRONGTYPE);
    }
}
