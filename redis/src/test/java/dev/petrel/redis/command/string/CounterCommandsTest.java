package dev.petrel.redis.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CounterCommandsTest extends StringFixture {
    private static final Err OVERFLOW = new Err("ERR increment or decrement would overflow");
    private static final Err NOT_FLOAT = new Err("ERR value is not a valid float");

    @Test
    void incrementsAndDecrements() {
        assertThat(c.call("INCR", "k")).isEqualTo(1L);
        assertThat(c.call("INCRBY", "k", "41")).isEqualTo(42L);
        assertThat(c.call("DECR", "k")).isEqualTo(41L);
        assertThat(c.call("DECRBY", "k", "50")).isEqualTo(-9L);
        assertThat(c.call("DECRBY", "k", "-9")).isEqualTo(0L);
        assertThat(c.call("GET", "k")).isEqualTo("0");
        assertThat(encoding("k")).isEqualTo("int");
    }

    @Test
    void refusesWhatIsNotAnInteger() {
        for (String v : new String[] {" 1", "1 ", "+1", "01", "-0", "1.0", "", "100000000000000000000"}) {
            c.call("SET", "k", v);
            assertThat(c.call("INCR", "k")).as(v).isEqualTo(NOT_INTEGER);
        }
        assertThat(c.call("INCRBY", "n", "x")).isEqualTo(NOT_INTEGER);
        otherType("h");
        assertThat(c.call("INCR", "h")).isEqualTo(WRONGTYPE);
        assertThat(c.call("INCRBY", "h", "x")).isEqualTo(NOT_INTEGER); // the argument is checked first
    }

    @Test
    void overflowIsRefused() {
        c.call("SET", "k", "9223372036854775807");
        assertThat(c.call("INCR", "k")).isEqualTo(OVERFLOW);
        assertThat(c.call("INCRBY", "k", "0")).isEqualTo(9223372036854775807L);
        c.call("SET", "m", "-9223372036854775808");
        assertThat(c.call("DECR", "m")).isEqualTo(OVERFLOW);
        assertThat(c.call("INCRBY", "m", "-1")).isEqualTo(OVERFLOW);
        assertThat(c.call("DECRBY", "m", "-9223372036854775808")).isEqualTo(new Err("ERR decrement would overflow"));
        assertThat(c.call("INCRBY", "m", "9223372036854775807")).isEqualTo(-1L);
    }

    @Test
    void aCounterOfTheSameWidthIsRewrittenInPlace() {
        c.call("SET", "k", "10", "EX", "100");
        Object before = record("k");
        assertThat(c.call("INCR", "k")).isEqualTo(11L);
        assertThat(record("k")).isSameAs(before);
        assertThat(c.call("INCRBY", "k", "-111")).isEqualTo(-100L);
        assertThat(record("k")).isNotSameAs(before);
        redis.advance(Duration.ofSeconds(100)); // the expiry survived both
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
    }

    @Test
    void incrMakesAnIntEncoding() {
        c.call("APPEND", "k", "5");
        c.call("APPEND", "k", "5");
        assertThat(encoding("k")).isEqualTo("raw");
        c.call("INCR", "k");
        assertThat(encoding("k")).isEqualTo("int");
    }

    @Test
    void incrbyfloatPrintsAsRedis() {
        assertThat(c.call("INCRBYFLOAT", "a", "0.1")).isEqualTo("0.1");
        assertThat(c.call("INCRBYFLOAT", "a", "0.2")).isEqualTo("0.3");
        assertThat(c.call("INCRBYFLOAT", "b", "1e20")).isEqualTo("100000000000000000000");
        assertThat(c.call("INCRBYFLOAT", "c", "5.0e3")).isEqualTo("5000");
        assertThat(c.call("INCRBYFLOAT", "d", "3.5")).isEqualTo("3.5");
        assertThat(c.call("INCRBYFLOAT", "d", "-0.25")).isEqualTo("3.25");
        assertThat(c.call("INCRBYFLOAT", "e", "1.5e-17")).isEqualTo("0.00000000000000002");
        assertThat(c.call("INCRBYFLOAT", "f", "0x10")).isEqualTo("16");
        assertThat(c.call("INCRBYFLOAT", "g", "-5")).isEqualTo("-5");
        assertThat(c.call("INCRBYFLOAT", "g", "5")).isEqualTo("0");
        assertThat(c.call("INCRBYFLOAT", "h", "123456789012345678901234567890.123"))
                .isEqualTo("123456789012345678899921813504");
        assertThat(c.call("INCRBYFLOAT", "i", "0.000003814697265625")).isEqualTo("0.00000381469726562");
        assertThat((String) c.call("INCRBYFLOAT", "j", "1e400")).startsWith("10000000000000000000281880683");
        assertThat(encoding("f")).isEqualTo("embstr");
    }

    @Test
    void incrbyfloatRefusesBadInput() {
        for (String v : new String[] {"x", " 1", "1 ", "1e", "0x", "nan", "1.2e4932", "1e-4960", ""}) {
            assertThat(c.call("INCRBYFLOAT", "k", v)).as(v).isEqualTo(NOT_FLOAT);
        }
        assertThat(c.call("INCRBYFLOAT", "k", "inf")).isEqualTo(new Err("ERR increment would produce NaN or Infinity"));
        assertThat(c.call("INCRBYFLOAT", "k", "-infinity"))
                .isEqualTo(new Err("ERR increment would produce NaN or Infinity"));
        c.call("SET", "s", "abc");
        assertThat(c.call("INCRBYFLOAT", "s", "1")).isEqualTo(NOT_FLOAT);
        otherType("h");
        assertThat(c.call("INCRBYFLOAT", "h", "x")).isEqualTo(WRONGTYPE);
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
    }

    @Test
    void incrbyfloatKeepsTheExpiry() {
        c.call("SET", "k", "1", "EX", "10");
        assertThat(c.call("INCRBYFLOAT", "k", "1.5")).isEqualTo("2.5");
        redis.advance(Duration.ofSeconds(10));
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
    }
}
