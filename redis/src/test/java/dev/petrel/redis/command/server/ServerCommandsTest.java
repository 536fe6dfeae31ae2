package dev.petrel.redis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.ManualClock;
import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ServerCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void timeIsSecondsAndMicroseconds() {
        redis.advance(Duration.ofMillis(1234));
        long seconds = ManualClock.START_EPOCH_MILLIS / 1000 + 1;
        assertThat(c.call("TIME")).isEqualTo(List.of(Long.toString(seconds), "234000"));
        assertThat(c.call("TIME", "x")).isEqualTo(new Err("ERR wrong number of arguments for 'time' command"));
    }

    @Test
    void lastsaveIsTheStartTime() {
        redis.advance(Duration.ofSeconds(10));
        assertThat(c.call("LASTSAVE")).isEqualTo(ManualClock.START_EPOCH_MILLIS / 1000);
    }

    @Test
    void functionFlushAnswersOk() {
        assertThat(c.call("FUNCTION", "FLUSH")).isEqualTo("OK");
        assertThat(c.call("FUNCTION", "FLUSH", "async")).isEqualTo("OK");
        assertThat(c.call("FUNCTION", "FLUSH", "SYNC")).isEqualTo("OK");
        assertThat(c.call("FUNCTION", "FLUSH", "foo"))
                .isEqualTo(new Err("ERR FUNCTION FLUSH only supports SYNC|ASYNC option"));
        assertThat(c.call("FUNCTION", "FLUSH", "SYNC", "x"))
                .isEqualTo(
                        new Err("ERR unknown subcommand or wrong number of arguments for 'flush'. Try FUNCTION HELP."));
        assertThat(c.call("FUNCTION", "LOAD", "x"))
                .isEqualTo(new Err("ERR unknown subcommand 'LOAD'. Try FUNCTION HELP."));
        assertThat(((List<Object>) c.call("FUNCTION", "HELP")).get(1)).isEqualTo("FLUSH [ASYNC|SYNC]");
    }
}
