package dev.petrel.redis.it;

import static dev.petrel.redis.it.Probe.blocked;
import static dev.petrel.redis.it.Probe.blockedClients;
import static dev.petrel.redis.it.Probe.clientLine;
import static dev.petrel.redis.it.Probe.eventually;
import static dev.petrel.redis.it.Probe.ran;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.petrel.redis.testing.PetrelRedisExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.args.UnblockType;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.Tuple;
import redis.clients.jedis.util.KeyValue;

/**
 * Blocking pops with Jedis: many clients blocked on one key, some with a short timeout and some forever, woken first
 * come first served; BLMOVE chains; a blocked client that disconnects; BZPOPMIN; CLIENT UNBLOCK. Times are asserted
 * as lower bounds only ("not before its timeout"), never as upper bounds.
 */
@Timeout(60)
class BlockingListIT {
    @RegisterExtension
    static final PetrelRedisExtension redis = new PetrelRedisExtension().flushAllBeforeEach();

    private final List<Jedis> opened = new ArrayList<>();
    private Probe.Threads threads;
    private Jedis probe;

    /** What a blocked call returned, and how long after it was sent. */
    record Outcome<T>(T value, long elapsedMillis) {}

    @BeforeEach
    void connect() {
        threads = new Probe.Threads();
        probe = open();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        opened.forEach(Jedis::close);
        opened.clear();
        threads.close();
    }

    private Jedis open() {
        Jedis j = new Jedis(redis.host(), redis.port());
        opened.add(j);
        return j;
    }

    /**
     * Runs a blocking call of a new connection on its own thread and returns once the server has it blocked (or it
     * already returned, for a short timeout), so that calls started one after another block in that order.
     */
    private <T> CompletableFuture<Outcome<T>> block(String command, Function<Jedis, T> call) throws Exception {
        Jedis j = open();
        long id = j.clientId();
        CompletableFuture<Outcome<T>> f = threads.run(() -> {
            long start = System.nanoTime();
            T value = call.apply(j);
            return new Outcome<>(value, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        });
        eventually(() -> assertThat(f.isDone() || ran(probe, id, command))
                .as("client %d ran %s", id, command)
                .isTrue());
        return f;
    }

    private static <T> T result(CompletableFuture<Outcome<T>> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS).value();
    }

    @Test
    void shortTimeoutsExpireAndTheOthersAreWokenInTheOrderTheyBlocked() throws Exception {
        List<CompletableFuture<Outcome<KeyValue<String, String>>>> brief = new ArrayList<>();
        List<CompletableFuture<Outcome<KeyValue<String, String>>>> forever = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double timeout = i % 2 == 0 ? 0.2 : 0;
            var f = block("blpop", j -> j.blpop(timeout, "queue"));
            (timeout > 0 ? brief : forever).add(f);
        }
        for (var f : brief) {
            Outcome<KeyValue<String, String>> o = f.get(30, TimeUnit.SECONDS);
            assertThat(o.value()).as("a BLPOP whose timeout passed").isNull();
            assertThat(o.elapsedMillis())
                    .as("milliseconds before the timeout reply")
                    .isGreaterThanOrEqualTo(200);
        }
        eventually(() -> assertThat(blockedClients(probe)).isEqualTo(forever.size()));
        assertThat(forever).noneMatch(CompletableFuture::isDone);

        for (int k = 0; k < forever.size(); k++) {
            assertThat(probe.rpush("queue", "v" + k))
                    .as("RPUSH's reply counts the list before pops")
                    .isEqualTo(1);
            int served = k + 1;
            eventually(() -> assertThat(forever.stream().filter(CompletableFuture::isDone))
                    .hasSize(served));
            for (int j = 0; j < forever.size(); j++) {
                assertThat(forever.get(j).isDone())
                        .as("client %d of those blocked forever served after %d pushes", j, served)
                        .isEqualTo(j < served);
            }
            assertThat(result(forever.get(k))).isEqualTo(new KeyValue<>("queue", "v" + k));
        }
        assertThat(probe.exists("queue")).isFalse();
        assertThat(blockedClients(probe)).isZero();
    }

    @Test
    void blmoveChainsThroughBlockedClients() throws Exception {
        var ab = block("blmove", j -> j.blmove("a", "b", ListDirection.RIGHT, ListDirection.LEFT, 0));
        var bc = block("blmove", j -> j.blmove("b", "c", ListDirection.RIGHT, ListDirection.LEFT, 0));
        var cd = block("blmove", j -> j.blmove("c", "d", ListDirection.RIGHT, ListDirection.LEFT, 0));
        assertThat(blockedClients(probe)).isEqualTo(3);

        probe.lpush("a", "x");
        assertThat(result(ab)).isEqualTo("x");
        assertThat(result(bc)).isEqualTo("x");
        assertThat(result(cd)).isEqualTo("x");
        assertThat(probe.lrange("d", 0, -1)).containsExactly("x");
        assertThat(probe.exists("a", "b", "c")).isZero();

        var again = block("blmove", j -> j.blmove("d", "a", ListDirection.LEFT, ListDirection.LEFT, 0));
        assertThat(result(again)).as("a non-empty source is served at once").isEqualTo("x");
        assertThat(probe.lrange("a", 0, -1)).containsExactly("x");
        assertThat(blockedClients(probe)).isZero();
    }

    @Test
    void aClientThatDisconnectsWhileBlockedIsCleanedUp() throws Exception {
        long goneId;
        try (RawClient gone = new RawClient(redis.port())) {
            goneId = (Long) gone.call("CLIENT", "ID");
            gone.write(RawClient.encode("BLPOP", "jobs", "0"));
            eventually(() -> assertThat(ran(probe, goneId, "blpop")).isTrue());
            var waiting = block("blpop", j -> j.blpop(0.0, "jobs"));
            assertThat(blockedClients(probe)).isEqualTo(2);

            gone.close();
            eventually(() -> assertThat(clientLine(probe, goneId)).isNull());
            eventually(() -> assertThat(blockedClients(probe)).isEqualTo(1));
            probe.rpush("jobs", "first");
            assertThat(result(waiting))
                    .as("the push goes to the client still waiting, not the gone one")
                    .isEqualTo(new KeyValue<>("jobs", "first"));
        }
        assertThat(blockedClients(probe)).isZero();
        assertThat(probe.rpush("jobs", "second")).isEqualTo(1);
        assertThat(probe.lrange("jobs", 0, -1)).as("nobody takes it: it stays").containsExactly("second");
    }

    @Test
    void bzpopminIsWokenByZadd() throws Exception {
        var pop = block("bzpopmin", j -> j.bzpopmin(0, "zset", "other"));
        assertThat(probe.zadd("zset", Map.of("b", 2.0, "a", 1.0, "c", 3.5))).isEqualTo(3);

        KeyValue<String, Tuple> popped = result(pop);
        assertThat(popped.getKey()).isEqualTo("zset");
        assertThat(popped.getValue().getElement()).isEqualTo("a");
        assertThat(popped.getValue().getScore()).isEqualTo(1.0);
        assertThat(probe.zrange("zset", 0, -1)).containsExactly("b", "c");

        var timedOut = block("bzpopmin", j -> j.bzpopmin(0.1, "empty"));
        Outcome<KeyValue<String, Tuple>> o = timedOut.get(30, TimeUnit.SECONDS);
        assertThat(o.value()).isNull();
        assertThat(o.elapsedMillis()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void clientUnblockEndsABlockWithTheTimeoutReplyOrAnError() throws Exception {
        Jedis sleeper = open();
        long id = sleeper.clientId();
        CompletableFuture<KeyValue<String, String>> first = threads.run(() -> sleeper.blpop(0.0, "never"));
        eventually(() -> assertThat(ran(probe, id, "blpop")).isTrue());
        assertThat(probe.clientUnblock(id)).isEqualTo(1);
        assertThat(first.get(30, TimeUnit.SECONDS)).as("the timeout reply").isNull();

        CompletableFuture<KeyValue<String, String>> second = threads.run(() -> sleeper.brpop(0.0, "never"));
        eventually(() -> assertThat(ran(probe, id, "brpop")).isTrue());
        assertThat(probe.clientUnblock(id, UnblockType.ERROR)).isEqualTo(1);
        Throwable failure = catchThrowable(() -> second.get(30, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause())
                .isInstanceOf(JedisDataException.class)
                .hasMessage("UNBLOCKED client unblocked via CLIENT UNBLOCK");

        assertThat(probe.clientUnblock(id)).as("a client that is not blocked").isZero();
        assertThat(probe.clientUnblock(probe.clientId())).isZero();
        assertThat(sleeper.ping()).as("the unblocked connection goes on").isEqualTo("PONG");
        assertThat(blockedClients(probe)).isZero();
        assertThat(probe.exists("never")).isFalse();
    }

    @Test
    void clientListFlagsABlockedClientWithB() throws Exception {
        var waiting = block("blpop", j -> j.blpop(0.0, "flagged"));
        long id = Long.parseLong(Probe.field(
                probe.clientList()
                        .lines()
                        .filter(l -> l.contains("cmd=blpop"))
                        .findFirst()
                        .orElseThrow(),
                "id"));
        assertThat(blocked(probe, id)).as(clientLine(probe, id)).isTrue();
        probe.rpush("flagged", "x");
        assertThat(result(waiting)).isEqualTo(new KeyValue<>("flagged", "x"));
        assertThat(blocked(probe, id)).isFalse();
    }
}
