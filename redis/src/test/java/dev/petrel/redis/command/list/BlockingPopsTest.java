package dev.petrel.redis.command.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingPopsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    /** Sends a command that is expected to block: no reply yet. */
    private static void block(RedisHarness.Conn conn, String... args) {
        assertThat(conn.send(RedisHarness.encode(args)))
                .as(String.join(" ", args))
                .isEmpty();
    }

    /** The replies a connection received since the last look. */
    private static List<Object> replies(RedisHarness.Conn conn) {
        List<Object> r = RedisHarness.decodeAll(conn.transport.written());
        conn.transport.clear();
        return r;
    }

    private long blockedClients() {
        return redis.instance.blocking().blockedClients();
    }

    @Test
    void servesAtOnceWhenAKeyHasElements() {
        c.call("RPUSH", "b", "x", "y");
        assertThat(c.call("BLPOP", "a", "b", "0")).isEqualTo(List.of("b", "x"));
        assertThat(c.call("BRPOP", "b", "0")).isEqualTo(List.of("b", "y"));
        assertThat(c.call("EXISTS", "b")).isEqualTo(0L);
    }

    @Test
    void timesOutWithANullArray() {
        RedisHarness.Conn w = redis.connect();
        block(w, "BLPOP", "a", "b", "1.5");
        assertThat(blockedClients()).isEqualTo(1);
        redis.advance(Duration.ofMillis(1499));
        assertThat(replies(w)).isEmpty();
        redis.advance(Duration.ofMillis(1));
        assertThat(w.transport.writtenString()).isEqualTo("*-1\r\n");
        assertThat(blockedClients()).isZero();
    }

    @Test
    void timeoutErrors() {
        assertThat(c.call("BLPOP", "a", "-1")).isEqualTo(new Err("ERR timeout is negative"));
        assertThat(c.call("BLPOP", "a", "x")).isEqualTo(new Err("ERR timeout is not a float or out of range"));
        assertThat(c.call("BLPOP", "a", "inf")).isEqualTo(new Err("ERR timeout is negative"));
        assertThat(c.call("BLMPOP", "x", "0", "a", "LEFT")).isEqualTo(new Err("ERR numkeys should be greater than 0"));
        assertThat(c.call("BLMOVE", "a", "b", "UP", "LEFT", "x")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void wokenFirstComeFirstServedByAPushFromAnotherClient() {
        RedisHarness.Conn[] w = new RedisHarness.Conn[3];
        for (int i = 0; i < w.length; i++) {
            w[i] = redis.connect();
            block(w[i], "BRPOP", "q", "0");
        }
        assertThat(c.call("RPUSH", "q", "1", "2")).isEqualTo(2L);
        assertThat(replies(w[0])).isEqualTo(List.of(List.of("q", "2")));
        assertThat(replies(w[1])).isEqualTo(List.of(List.of("q", "1")));
        assertThat(replies(w[2])).isEmpty();
        assertThat(c.call("EXISTS", "q")).isEqualTo(0L);
        c.call("LPUSH", "q", "3");
        assertThat(replies(w[2])).isEqualTo(List.of(List.of("q", "3")));
    }

    @Test
    void eachPushInAPipelineServesTheClientsWaitingThen() {
        RedisHarness.Conn w = redis.connect();
        block(w, "BLPOP", "q", "0");
        byte[] two = concat(RedisHarness.encode("LPUSH", "q", "a"), RedisHarness.encode("LPUSH", "q", "b"));
        assertThat(c.send(two)).isEqualTo(List.of(1L, 1L));
        assertThat(replies(w)).isEqualTo(List.of(List.of("q", "a")));
        assertThat(c.call("LRANGE", "q", "0", "-1")).isEqualTo(List.of("b"));
    }

    @Test
    void laterPipelinedCommandsWaitForTheBlockedOne() {
        RedisHarness.Conn w = redis.connect();
        byte[] pipeline = concat(RedisHarness.encode("BLPOP", "q", "0"), RedisHarness.encode("SET", "after", "1"));
        assertThat(w.send(pipeline)).isEmpty();
        assertThat(c.call("EXISTS", "after")).isEqualTo(0L);
        c.call("RPUSH", "q", "v");
        redis.clock.runPending();
        assertThat(replies(w)).isEqualTo(List.of(List.of("q", "v"), "OK"));
        assertThat(c.call("GET", "after")).isEqualTo("1");
    }

    @Test
    void blmoveChainsWakeOneAnother() {
        RedisHarness.Conn a = redis.connect();
        RedisHarness.Conn b = redis.connect();
        block(a, "BLMOVE", "k1", "k2", "LEFT", "RIGHT", "0");
        block(b, "BRPOPLPUSH", "k2", "k3", "0");
        c.call("RPUSH", "k1", "v");
        assertThat(replies(a)).isEqualTo(List.of("v"));
        assertThat(replies(b)).isEqualTo(List.of("v"));
        assertThat(c.call("LRANGE", "k3", "0", "-1")).isEqualTo(List.of("v"));
        assertThat(c.call("EXISTS", "k1", "k2")).isEqualTo(0L);
    }

    @Test
    void blmpopServesCountFromTheReadyKey() {
        RedisHarness.Conn w = redis.connect();
        block(w, "BLMPOP", "0", "2", "a", "b", "RIGHT", "COUNT", "2");
        c.call("RPUSH", "b", "1", "2", "3");
        assertThat(replies(w)).isEqualTo(List.of(List.of("b", List.of("3", "2"))));
    }

    @Test
    void clientUnblockWithTimeoutOrError() {
        RedisHarness.Conn w = redis.connect();
        long id = (Long) w.call("CLIENT", "ID");
        block(w, "BLPOP", "q", "0");
        assertThat(c.call("CLIENT", "UNBLOCK", Long.toString(id))).isEqualTo(1L);
        assertThat(replies(w)).isEqualTo(Arrays.asList((Object) null));
        assertThat(c.call("CLIENT", "UNBLOCK", Long.toString(id))).isEqualTo(0L);
        block(w, "BLPOP", "q", "0");
        assertThat(c.call("CLIENT", "UNBLOCK", Long.toString(id), "ERROR")).isEqualTo(1L);
        assertThat(replies(w)).isEqualTo(List.of(new Err("UNBLOCKED client unblocked via CLIENT UNBLOCK")));
        assertThat(c.call("CLIENT", "UNBLOCK", Long.toString(id), "FOO"))
                .isEqualTo(new Err("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR"));
        assertThat(c.call("CLIENT", "UNBLOCK", "x")).isEqualTo(new Err("ERR value is not an integer or out of range"));
    }

    @Test
    void aDisconnectedClientIsForgotten() {
        RedisHarness.Conn w = redis.connect();
        block(w, "BLPOP", "q", "0");
        RedisHarness.Conn next = redis.connect();
        block(next, "BLPOP", "q", "0");
        w.transport.peerClosed();
        assertThat(blockedClients()).isEqualTo(1);
        c.call("RPUSH", "q", "v");
        assertThat(replies(next)).isEqualTo(List.of(List.of("q", "v")));
    }

    @Test
    void insideMultiNothingBlocks() {
        RedisHarness.Conn w = redis.connect();
        redis.instance.clients().stream()
                .filter(cl -> cl.id == (Long) w.call("CLIENT", "ID"))
                .forEach(cl -> cl.inMulti = true);
        assertThat(w.call("BLPOP", "q", "0")).isNull();
        assertThat(w.call("BLMOVE", "q", "d", "LEFT", "LEFT", "0")).isNull();
        assertThat(blockedClients()).isZero();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
