package dev.petrel.redis.command.bits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness.Err;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BitfieldCommandTest extends BitFixture {
    private static final Err TYPE =
            new Err("ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");

    @Test
    void setGetAndIncrby() {
        assertThat(c.call("BITFIELD", "k", "SET", "u8", "#1", "5", "GET", "u8", "8", "GET", "u4", "#3"))
                .isEqualTo(List.of(0L, 5L, 5L));
        assertThat(c.call("BITFIELD", "k", "INCRBY", "i5", "100", "1", "GET", "u4", "0"))
                .isEqualTo(List.of(1L, 0L));
        assertThat(c.call("BITFIELD", "k", "SET", "i8", "0", "-2", "GET", "u8", "0", "GET", "i8", "0"))
                .isEqualTo(List.of(0L, 254L, -2L));
        assertThat(bytes("k")[0]).isEqualTo(254);
        assertThat(encoding("k")).isEqualTo("raw");
        assertThat(c.call("BITFIELD", "k")).isEqualTo(List.of());
    }

    @Test
    void overflowModes() {
        assertThat(c.call("BITFIELD", "k", "INCRBY", "u2", "0", "5", "OVERFLOW", "SAT", "INCRBY", "u2", "0", "5"))
                .isEqualTo(List.of(1L, 3L));
        assertThat(c.call("BITFIELD", "k", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "1", "GET", "u2", "0"))
                .isEqualTo(Arrays.asList(null, 3L));
        assertThat(c.call("BITFIELD", "s", "OVERFLOW", "SAT", "INCRBY", "i8", "0", "-300", "INCRBY", "i8", "0", "900"))
                .isEqualTo(List.of(-128L, 127L));
        assertThat(c.call("BITFIELD", "w", "INCRBY", "i64", "0", "9223372036854775807", "INCRBY", "i64", "0", "2"))
                .isEqualTo(List.of(9223372036854775807L, -9223372036854775807L));
    }

    @Test
    void saturationAtTheExtremesMatchesRedis() {
        assertThat(c.call(
                        "BITFIELD", "k", "OVERFLOW", "SAT", "SET", "i8", "0", "-9223372036854775808", "GET", "i8", "0"))
                .isEqualTo(List.of(0L, 127L));
        assertThat(c.call("BITFIELD", "k", "OVERFLOW", "SAT", "SET", "u8", "0", "-1", "GET", "u8", "0"))
                .isEqualTo(List.of(127L, 255L));
    }

    @Test
    void aFailedWriteStillGrowsTheString() {
        assertThat(c.call("BITFIELD", "k", "OVERFLOW", "FAIL", "SET", "u8", "100", "999"))
                .isEqualTo(Arrays.asList((Object) null));
        assertThat(c.call("STRLEN", "k")).isEqualTo(14L);
    }

    @Test
    void errors() {
        assertThat(c.call("BITFIELD", "k", "GET", "u64", "0")).isEqualTo(TYPE);
        assertThat(c.call("BITFIELD", "k", "GET", "i65", "0")).isEqualTo(TYPE);
        assertThat(c.call("BITFIELD", "k", "GET", "I8", "0")).isEqualTo(TYPE);
        assertThat(c.call("BITFIELD", "k", "GET", "u0", "0")).isEqualTo(TYPE);
        assertThat(c.call("BITFIELD", "k", "GET", "u8", "-1")).isEqualTo(BIT_OFFSET);
        assertThat(c.call("BITFIELD", "k", "GET", "i8", "#1152921504606846976")).isEqualTo(BIT_OFFSET);
        assertThat(c.call("BITFIELD", "k", "GET", "u8")).isEqualTo(SYNTAX);
        assertThat(c.call("BITFIELD", "k", "OVERFLOW", "FOO", "GET", "u8", "0"))
                .isEqualTo(new Err("ERR Invalid OVERFLOW type specified"));
        assertThat(c.call("BITFIELD", "k", "SET", "u8", "0", "x")).isEqualTo(NOT_INTEGER);
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
        otherType("h");
        assertThat(c.call("BITFIELD", "h", "GET", "u8", "0")).isEqualTo(WRONGTYPE);
        assertThat(c.call("BITFIELD", "h", "SET", "u8", "0", "1")).isEqualTo(WRONGTYPE);
    }

    @Test
    void readOnlyVariant() {
        setBytes("k", 0x81);
        assertThat(c.call("BITFIELD_RO", "k", "GET", "i8", "0", "GET", "u1", "0"))
                .isEqualTo(List.of(-127L, 1L));
        assertThat(c.call("BITFIELD_RO", "nokey", "GET", "i64", "3")).isEqualTo(List.of(0L));
        assertThat(c.call("BITFIELD_RO", "k", "SET", "u8", "0", "1"))
                .isEqualTo(new Err("ERR BITFIELD_RO only supports the GET subcommand"));
        assertThat(c.call("BITFIELD_RO", "k", "SET", "u8", "0", "1", "GET", "u8", "x"))
                .isEqualTo(BIT_OFFSET);
        assertThat(bytes("k")).containsExactly(0x81);
    }
}
