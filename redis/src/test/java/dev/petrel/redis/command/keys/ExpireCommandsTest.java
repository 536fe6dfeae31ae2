package dev.petrel.redis.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.ManualClock;
import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpireCommandsTest {
    private static final long NOW = ManualClock.START_EPOCH_MILLIS;
    private static final Err NX_AND = new Err("ERR NX and XX, GT or LT options at the same time are not compatible");
    private static final Err GT_AND_LT = new Err("ERR GT and LT options at the same time are not compatible");

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void expireFamilySetsAbsoluteTimes() {
        c.call("SET", "k", "v");
        assertThat(c.call("EXPIRE", "k", "100")).isEqualTo(1L);
        assertThat(c.call("PEXPIRETIME", "k")).isEqualTo(NOW + 100_000);
        assertThat(c.call("PEXPIRE", "k", "1500")).isEqualTo(1L);
        assertThat(c.call("PEXPIRETIME", "k")).isEqualTo(NOW + 1500);
        assertThat(c.call("EXPIREAT", "k", String.valueOf(NOW / 1000 + 7))).isEqualTo(1L);
        assertThat(c.call("PEXPIRETIME", "k")).isEqualTo(NOW + 7000);
        assertThat(c.call("PEXPIREAT", "k", String.valueOf(NOW + 1234))).isEqualTo(1L);
        assertThat(c.call("PTTL", "k")).isEqualTo(1234L);
        assertThat(c.call("EXPIRE", "nope", "10")).isEqualTo(0L);
        redis.advance(Duration.ofMillis(1234));
        assertThat(c.call("GET", "k")).isNull();
    }

    @Test
    void ttlRoundsToTheNearestSecond() {
        c.call("SET", "k", "v");
        c.call("PEXPIRE", "k", "1499");
        assertThat(c.call("TTL", "k")).isEqualTo(1L);
        c.call("PEXPIRE", "k", "1500");
        assertThat(c.call("TTL", "k")).isEqualTo(2L);
        c.call("PEXPIREAT", "k", "1999999999499");
        assertThat(c.call("EXPIRETIME", "k")).isEqualTo(1999999999L);
        c.call("PEXPIREAT", "k", "1999999999500");
        assertThat(c.call("EXPIRETIME", "k")).isEqualTo(2000000000L);
        assertThat(c.call("PEXPIRETIME", "k")).isEqualTo(1999999999500L);
    }

    @Test
    void ttlRepliesForMissingAndPersistentKeys() {
        for (String cmd : new String[] {"TTL", "PTTL", "EXPIRETIME", "PEXPIRETIME"}) {
            assertThat(c.call(cmd, "nope")).isEqualTo(-2L);
        }
        c.call("SET", "k", "v");
        for (String cmd : new String[] {"TTL", "PTTL", "EXPIRETIME", "PEXPIRETIME"}) {
            assertThat(c.call(cmd, "k")).isEqualTo(-1L);
        }
    }

    @Test
    void aTimeInThePastDeletesTheKey() {
        c.call("SET", "a", "v");
        c.call("SET", "b", "v");
        c.call("SET", "c", "v");
        assertThat(c.call("EXPIRE", "a", "0")).isEqualTo(1L);
        assertThat(c.call("PEXPIRE", "b", "-5")).isEqualTo(1L);
        assertThat(c.call("EXPIREAT", "c", "1")).isEqualTo(1L);
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
    }

    @Test
    void nxAndXx() {
        c.call("SET", "k", "v");
        assertThat(c.call("EXPIRE", "k", "100", "XX")).isEqualTo(0L);
        assertThat(c.call("EXPIRE", "k", "100", "nx")).isEqualTo(1L);
        assertThat(c.call("EXPIRE", "k", "200", "NX")).isEqualTo(0L);
        assertThat(c.call("EXPIRE", "k", "200", "XX")).isEqualTo(1L);
        assertThat(c.call("TTL", "k")).isEqualTo(200L);
        // XX refuses a key without TTL even with a past time: the key survives.
        c.call("SET", "p", "v");
        assertThat(c.call("EXPIRE", "p", "-1", "XX")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "p")).isEqualTo(1L);
    }

    @Test
    void gtAndLtTreatNoTtlAsInfinite() {
        c.call("SET", "k", "v");
        assertThat(c.call("EXPIRE", "k", "100", "GT")).isEqualTo(0L);
        assertThat(c.call("TTL", "k")).isEqualTo(-1L);
        assertThat(c.call("EXPIRE", "k", "100", "LT")).isEqualTo(1L);
        assertThat(c.call("EXPIRE", "k", "50", "GT")).isEqualTo(0L);
        assertThat(c.call("EXPIRE", "k", "100", "GT")).isEqualTo(0L);
        assertThat(c.call("EXPIRE", "k", "200", "GT")).isEqualTo(1L);
        assertThat(c.call("EXPIRE", "k", "200", "LT")).isEqualTo(0L);
        assertThat(c.call("EXPIRE", "k", "150", "LT", "XX")).isEqualTo(1L);
        assertThat(c.call("TTL", "k")).isEqualTo(150L);
        assertThat(c.call("EXPIRE", "k", "-1", "LT")).isEqualTo(1L);
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
        c.call("SET", "n", "v");
        assertThat(c.call("EXPIRE", "n", "-1", "GT")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "n")).isEqualTo(1L);
    }

    @Test
    void optionErrorsComeFirst() {
        assertThat(c.call("EXPIRE", "k", "x", "NX", "XX")).isEqualTo(NX_AND);
        assertThat(c.call("EXPIRE", "k", "10", "NX", "GT")).isEqualTo(NX_AND);
        assertThat(c.call("EXPIRE", "k", "10", "LT", "NX")).isEqualTo(NX_AND);
        assertThat(c.call("PEXPIRE", "k", "10", "GT", "LT")).isEqualTo(GT_AND_LT);
        assertThat(c.call("EXPIRE", "k", "10", "foo")).isEqualTo(new Err("ERR Unsupported option foo"));
        assertThat(c.call("EXPIRE", "k", "x")).isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("EXPIRE", "k")).isEqualTo(new Err("ERR wrong number of arguments for 'expire' command"));
    }

    @Test
    void overflowIsAnInvalidExpireTime() {
        c.call("SET", "k", "v");
        assertThat(c.call("EXPIRE", "k", "9223372036854776"))
                .isEqualTo(new Err("ERR invalid expire time in 'expire' command"));
        assertThat(c.call("EXPIRE", "nope", "9223372036854775"))
                .isEqualTo(new Err("ERR invalid expire time in 'expire' command"));
        assertThat(c.call("PEXPIRE", "k", "9223372036854775807"))
                .isEqualTo(new Err("ERR invalid expire time in 'pexpire' command"));
        assertThat(c.call("EXPIREAT", "k", "-9223372036854776"))
                .isEqualTo(new Err("ERR invalid expire time in 'expireat' command"));
        assertThat(c.call("PEXPIREAT", "k", "9223372036854775807")).isEqualTo(1L);
        assertThat((Long) c.call("TTL", "k")).isPositive();
        assertThat(c.call("EXPIREAT", "k", "-9223372036854775")).isEqualTo(1L);
        assertThat(c.call("EXISTS", "k")).isEqualTo(0L);
    }

    @Test
    void persistRemovesTheExpiry() {
        c.call("SET", "k", "v", "EX", "10");
        assertThat(c.call("PERSIST", "k")).isEqualTo(1L);
        assertThat(c.call("PERSIST", "k")).isEqualTo(0L);
        assertThat(c.call("PERSIST", "nope")).isEqualTo(0L);
        assertThat(c.call("TTL", "k")).isEqualTo(-1L);
        redis.advance(Duration.ofSeconds(20));
        assertThat(c.call("GET", "k")).isEqualTo("v");
        assertThat(redis.instance.keyspace().db(0).expiresCount()).isZero();
    }
}
