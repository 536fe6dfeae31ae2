package dev.petrel.redis.command.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientPauseTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn admin = redis.connect();
    private final RedisHarness.Conn c = redis.connect();

    /** Replies that reached {@code conn} since the last look. */
    private static List<Object> arrived(RedisHarness.Conn conn) {
        List<Object> out = RedisHarness.decodeAll(conn.transport.written());
        conn.transport.clear();
        return out;
    }

    private static byte[] pipeline(String[]... requests) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String[] r : requests) {
            out.writeBytes(RedisHarness.encode(r));
        }
        return out.toByteArray();
    }

    @Test
    void pauseAllHoldsCommandsUntilTheTimeoutThenRunsThemInOrder() {
        assertThat(admin.call("CLIENT", "PAUSE", "1000")).isEqualTo("OK");
        assertThat(c.send(pipeline(
                        new String[] {"SET", "k", "1"}, new String[] {"INCR", "k"}, new String[] {"GET", "k"})))
                .isEmpty();
        assertThat(c.transport.isPaused()).isTrue();
        assertThat(c.send(RedisHarness.encode("PING"))).isEmpty(); // arrives while reading is paused
        assertThat(admin.send(RedisHarness.encode("GET", "k"))).isEmpty(); // the pauser is paused too
        redis.advance(Duration.ofMillis(999));
        assertThat(arrived(c)).isEmpty();
        redis.advance(Duration.ofMillis(1));
        assertThat(arrived(c)).containsExactly("OK", 2L, "2", "PONG");
        assertThat(arrived(admin)).containsExactly("2");
        assertThat(c.transport.isPaused()).isFalse();
        assertThat(c.call("GET", "k")).isEqualTo("2");
    }

    @Test
    void pauseWriteHoldsWritesAndWhatComesAfterThem() {
        c.call("SET", "k", "1");
        assertThat(admin.call("CLIENT", "PAUSE", "5000", "WRITE")).isEqualTo("OK");
        assertThat(c.send(
                        pipeline(new String[] {"GET", "k"}, new String[] {"SET", "k", "2"}, new String[] {"GET", "k"})))
                .containsExactly("1");
        c.transport.clear();
        assertThat(admin.call("GET", "k")).isEqualTo("1");
        assertThat(admin.call("CLIENT", "UNPAUSE")).isEqualTo("OK");
        redis.advance(Duration.ZERO); // the held clients go on after UNPAUSE's reply
        assertThat(arrived(c)).containsExactly("OK", "2");
    }

    @Test
    void pauseAllHoldsUnpauseFromOthersToo() {
        RedisHarness.Conn other = redis.connect();
        admin.call("CLIENT", "PAUSE", "2000", "ALL");
        assertThat(other.send(RedisHarness.encode("CLIENT", "UNPAUSE"))).isEmpty();
        redis.advance(Duration.ofMillis(2000));
        assertThat(arrived(other)).containsExactly("OK");
    }

    @Test
    void requestsThatFailTheGenericChecksAreAnsweredAtOnce() {
        admin.call("CLIENT", "PAUSE", "1000");
        assertThat(c.send(RedisHarness.encode("NOSUCH")))
                .containsExactly(new Err("ERR unknown command 'NOSUCH', with args beginning with: "));
        assertThat(c.send(RedisHarness.encode("GET")))
                .containsExactly(new Err("ERR wrong number of arguments for 'get' command"));
        assertThat(c.transport.isPaused()).isFalse();
    }

    @Test
    void subcommandsAreHeldButUnknownOnesAnsweredAtOnce() {
        RedisHarness.Conn other = redis.connect();
        admin.call("CLIENT", "PAUSE", "100");
        assertThat(c.send(RedisHarness.encode("CLIENT", "FOO")))
                .containsExactly(new Err("ERR unknown subcommand 'FOO'. Try CLIENT HELP."));
        assertThat(c.send(RedisHarness.encode("CLIENT", "GETNAME"))).isEmpty();
        assertThat(other.send(RedisHarness.encode("COMMAND"))).isEmpty();
        redis.advance(Duration.ofMillis(100));
        assertThat(arrived(c)).containsExactly((Object) null);
        assertThat(arrived(other)).hasSize(1);
    }

    @Test
    void anUnfinishedRequestComesAfterTheHeldOnes() {
        admin.call("CLIENT", "PAUSE", "100");
        byte[] whole = pipeline(new String[] {"SET", "k", "a"}, new String[] {"APPEND", "k", "b"});
        byte[] next = RedisHarness.encode("APPEND", "k", "c");
        byte[] chunk = new byte[whole.length + 10];
        System.arraycopy(whole, 0, chunk, 0, whole.length);
        System.arraycopy(next, 0, chunk, whole.length, 10);
        assertThat(c.send(chunk)).isEmpty();
        c.transport.deliver(java.util.Arrays.copyOfRange(next, 10, next.length));
        redis.advance(Duration.ofMillis(100));
        assertThat(arrived(c)).containsExactly("OK", 2L, 3L);
        assertThat(c.call("GET", "k")).isEqualTo("abc");
    }

    @Test
    void aLongerPauseExtendsAndWidensButNeverShortens() {
        admin.call("CLIENT", "PAUSE", "1000", "WRITE");
        assertThat(c.send(RedisHarness.encode("GET", "k"))).containsExactly((Object) null);
        assertThat(c.send(RedisHarness.encode("CLIENT", "PAUSE", "100", "ALL"))).containsExactly("OK");
        assertThat(c.send(RedisHarness.encode("GET", "k"))).isEmpty(); // ALL now
        redis.advance(Duration.ofMillis(500));
        assertThat(arrived(c)).isEmpty(); // still 1000 ms
        redis.advance(Duration.ofMillis(500));
        assertThat(arrived(c)).containsExactly((Object) null);
    }

    @Test
    void aCommandRunAfterTheHoldMayPauseAgain() {
        RedisHarness.Conn other = redis.connect();
        admin.call("CLIENT", "PAUSE", "100");
        c.send(pipeline(new String[] {"CLIENT", "PAUSE", "100"}, new String[] {"PING"}));
        other.send(RedisHarness.encode("SET", "k", "v"));
        redis.advance(Duration.ofMillis(100));
        assertThat(arrived(c)).containsExactly("OK");
        assertThat(arrived(other)).isEmpty();
        redis.advance(Duration.ofMillis(100));
        assertThat(arrived(c)).containsExactly("PONG");
        assertThat(arrived(other)).containsExactly("OK");
    }

    @Test
    void aHeldClientMayBeKilled() {
        long id = (Long) c.call("CLIENT", "ID");
        admin.call("CLIENT", "PAUSE", "100", "WRITE");
        c.send(RedisHarness.encode("SET", "k", "v"));
        assertThat(admin.call("CLIENT", "KILL", "ID", String.valueOf(id))).isEqualTo(1L);
        assertThat(c.closed()).isTrue();
        redis.advance(Duration.ofMillis(100));
        assertThat(admin.call("EXISTS", "k")).isEqualTo(0L);
    }

    @Test
    void pauseErrors() {
        assertThat(c.call("CLIENT", "PAUSE", "abc"))
                .isEqualTo(new Err("ERR timeout is not an integer or out of range"));
        assertThat(c.call("CLIENT", "PAUSE", "1.5"))
                .isEqualTo(new Err("ERR timeout is not an integer or out of range"));
        assertThat(c.call("CLIENT", "PAUSE", "-1")).isEqualTo(new Err("ERR timeout is negative"));
        assertThat(c.call("CLIENT", "PAUSE", "abc", "foo"))
                .isEqualTo(new Err("ERR CLIENT PAUSE mode must be WRITE or ALL"));
        assertThat(c.call("CLIENT", "PAUSE", "10", "write", "x"))
                .isEqualTo(
                        new Err("ERR unknown subcommand or wrong number of arguments for 'PAUSE'. Try CLIENT HELP."));
        assertThat(c.call("CLIENT", "PAUSE"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'client|pause' command"));
        assertThat(c.call("CLIENT", "UNPAUSE", "x"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'client|unpause' command"));
        assertThat(c.call("CLIENT", "PAUSE", "0")).isEqualTo("OK");
        assertThat(c.call("PING")).isEqualTo("PONG"); // a pause of 0 ms is over at once
        assertThat(c.call("CLIENT", "PAUSE", "9223372036854775807")).isEqualTo("OK");
        assertThat(c.call("PING")).isEqualTo("PONG"); // as Redis: the end overflows into the past
        assertThat(c.call("CLIENT", "UNPAUSE")).isEqualTo("OK");
    }
}
