package dev.petrel.redis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.ManualClock;
import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class DebugCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void objectDescribesAStringAsRedisDoes() {
        c.call("SET", "s", "hello");
        c.call("SET", "i", "12345");
        c.call("SET", "big", "123456789012");
        int lru = (int) ((ManualClock.START_EPOCH_MILLIS / 1000) & 0xFFFFFF);
        redis.advance(Duration.ofSeconds(3));
        assertThat((String) c.call("DEBUG", "OBJECT", "s"))
                .matches("Value at:0x[0-9a-f]+ refcount:1 encoding:embstr serializedlength:6 lru:" + lru
                        + " lru_seconds_idle:3");
        assertThat((String) c.call("DEBUG", "object", "i")).contains("encoding:int serializedlength:3 ");
        assertThat((String) c.call("DEBUG", "OBJECT", "big")).contains("serializedlength:13 ");
        // DEBUG OBJECT does not touch the key
        assertThat((String) c.call("DEBUG", "OBJECT", "s")).endsWith("lru_seconds_idle:3");
        assertThat(c.call("DEBUG", "OBJECT", "nope")).isEqualTo(new Err("ERR no such key"));
    }

    @Test
    void wrongSubcommandOrArgumentCount() {
        assertThat(c.call("DEBUG", "OBJECT"))
                .isEqualTo(
                        new Err("ERR unknown subcommand or wrong number of arguments for 'OBJECT'. Try DEBUG HELP."));
        assertThat(c.call("DEBUG", "foo"))
                .isEqualTo(new Err("ERR unknown subcommand or wrong number of arguments for 'foo'. Try DEBUG HELP."));
        assertThat(c.call("DEBUG")).isEqualTo(new Err("ERR wrong number of arguments for 'debug' command"));
    }

    @Test
    void sleepLogAndHelp() {
        assertThat(c.call("DEBUG", "SLEEP", "0")).isEqualTo("OK");
        assertThat(c.call("DEBUG", "SLEEP", "abc")).isEqualTo("OK");
        assertThat(c.call("DEBUG", "LOG", "hello")).isEqualTo("OK");
        assertThat((List<Object>) c.call("DEBUG", "HELP")).contains("SLEEP <seconds>", "OBJECT <key>");
    }

    @Test
    void setActiveExpireStopsAndRestartsTheCycle() {
        redis.instance.startTimers();
        assertThat(c.call("DEBUG", "SET-ACTIVE-EXPIRE", "0")).isEqualTo("OK");
        c.call("SET", "k", "v", "PX", "10");
        redis.advance(Duration.ofSeconds(1));
        assertThat(c.call("DBSIZE")).isEqualTo(1L); // expired, but nobody looked and the cycle is off
        assertThat(c.call("DEBUG", "SET-ACTIVE-EXPIRE", "1")).isEqualTo("OK");
        redis.advance(Duration.ofSeconds(1));
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
    }

    @Test
    void theExpiryCycleCanRunByHand() {
        c.call("SET", "k", "v", "PX", "10");
        redis.advance(Duration.ofSeconds(1));
        assertThat(redis.instance.expiryCycle().runOnce()).isEqualTo(1);
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
    }
}
