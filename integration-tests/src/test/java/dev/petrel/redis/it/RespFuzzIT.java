package dev.petrel.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisServer;
import dev.petrel.redis.resp.Args;
import dev.petrel.redis.resp.RespParser;
import dev.petrel.redis.testing.PetrelRedisExtension;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random, truncated and mutated RESP on many connections of a live server, while a well-behaved client goes on with
 * SET/GET round trips. Each fuzzing connection must get exactly the replies its bytes call for — one per whole request
 * the parser finds in them, then {@code -ERR Protocol error: ...} and a close if they break the protocol — and the
 * server must come out of it serving, with no connection left behind and nothing logged as a failure.
 *
 * <p>The expected outcome comes from feeding the same bytes to a {@link RespParser}, whose own properties are tested
 * in the redis module; here the question is what the live server makes of them. A failure prints the seed of the
 * connection that broke.
 *
 * <p>Where a protocol error quotes a byte over 127 ({@code expected '$', got 'é'}), Redis echoes the raw byte and
 * Petrel, for now, its UTF-8 encoding; that text is compared up to the quoted byte only.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RespFuzzIT {
    private static final long FUZZ_MILLIS = 3_000;
    private static final int FUZZERS = 4;
    /** Held so the logger (and the handler on it) is not collected during the test. */
    private static final Logger PETREL_LOG = Logger.getLogger("dev.petrel");

    @RegisterExtension
    static final PetrelRedisExtension redis = new PetrelRedisExtension();

    private final ConcurrentLinkedQueue<String> logged = new ConcurrentLinkedQueue<>();
    private final Handler failures = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                logged.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void watchTheLog() {
        PETREL_LOG.addHandler(failures);
    }

    @AfterEach
    void stopWatching() {
        PETREL_LOG.removeHandler(failures);
    }

    @Test
    void garbageOnManyConnectionsNeitherBreaksTheServerNorReachesOtherClients(RedisServer server) throws Exception {
        // threads of its own for each client: the common pool may have fewer than there are clients
        ExecutorService threads = Executors.newFixedThreadPool(FUZZERS + 1);
        try {
            fuzzWhileAGoodClientWorks(server, threads);
        } finally {
            threads.shutdownNow();
        }
    }

    private void fuzzWhileAGoodClientWorks(RedisServer server, ExecutorService threads) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong roundTrips = new AtomicLong();
        CompletableFuture<Void> good =
                CompletableFuture.runAsync(() -> wellBehaved(server.port(), stop, roundTrips), threads);
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger protocolErrors = new AtomicInteger();
        long seed = System.nanoTime();
        List<CompletableFuture<Void>> fuzzers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FUZZ_MILLIS);
        for (int f = 0; f < FUZZERS; f++) {
            Random seeds = new Random(seed + f);
            fuzzers.add(CompletableFuture.runAsync(
                    () -> {
                        while (System.nanoTime() - deadline < 0 && !good.isDone()) {
                            long s = seeds.nextLong();
                            try {
                                if (fuzzOneConnection(server.port(), s)) {
                                    protocolErrors.incrementAndGet();
                                }
                                connections.incrementAndGet();
                            } catch (Throwable t) {
                                throw new AssertionError("fuzzing connection with seed " + s + "L failed: " + t, t);
                            }
                        }
                    },
                    threads));
        }
        CompletableFuture.allOf(fuzzers.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        stop.set(true);
        good.get(30, TimeUnit.SECONDS);

        System.out.printf(
                "RespFuzzIT: %d fuzzing connections (%d protocol errors), %d clean round trips alongside%n",
                connections.get(), protocolErrors.get(), roundTrips.get());
        assertThat(connections.get()).as("fuzzing connections").isGreaterThan(FUZZERS * 10);
        assertThat(protocolErrors.get())
                .as("connections closed for a protocol error")
                .isPositive();
        assertThat(roundTrips.get()).as("the well-behaved client's round trips").isPositive();
        try (RawClient probe = new RawClient(server.port())) {
            assertThat(probe.call("PING")).isEqualTo("PONG");
            for (int db : new int[] {0, 3}) {
                assertThat(probe.call("SELECT", db)).isEqualTo("OK");
                assertThat(probe.call("EXISTS", "fz:after-error"))
                        .as("a request after a protocol error ran")
                        .isEqualTo(0L);
            }
            // the loop still runs tasks, and every fuzzing connection is gone: only the probe is left
            assertThat(awaitClients(server, 1))
                    .as("clients once the fuzzing connections are closed")
                    .isEqualTo(1);
        }
        assertThat(logged).as("failures the server logged").isEmpty();
    }

    @Test
    void manyConnectionsHoldingUnfinishedRequestsDoNotHoldUpOthers(RedisServer server) throws Exception {
        List<RawClient> held = new ArrayList<>();
        try {
            Random random = new Random(11);
            for (int i = 0; i < 200; i++) {
                RawClient c = new RawClient(server.port());
                held.add(c);
                byte[] input = FuzzInput.truncated(random);
                c.write(input); // the replies it calls for wait in the socket: nobody reads them
            }
            try (RawClient probe = new RawClient(server.port())) {
                assertThat(probe.call("SET", "probe", "v")).isEqualTo("OK");
                assertThat((byte[]) probe.call("GET", "probe")).isEqualTo("v".getBytes(StandardCharsets.US_ASCII));
                assertThat(awaitClients(server, held.size() + 1)).isEqualTo(held.size() + 1);
            }
        } finally {
            for (RawClient c : held) {
                c.close();
            }
        }
        assertThat(awaitClients(server, 0)).as("clients once all are closed").isZero();
        assertThat(logged).as("failures the server logged").isEmpty();
    }

    /** The number of clients once it is {@code expected}, or after 10 s. */
    private static int awaitClients(RedisServer server, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int clients;
        while ((clients = clientsOnLoop(server)) != expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        return clients;
    }

    /** The number of clients, read on the server's loop thread (which proves the loop still runs). */
    private static int clientsOnLoop(RedisServer server) throws Exception {
        CompletableFuture<Integer> n = new CompletableFuture<>();
        server.reactor()
                .loop(0)
                .execute(() -> n.complete(server.instance().clients().size()));
        return n.get(10, TimeUnit.SECONDS);
    }

    /** SET then GET of fresh keys, checked, until told to stop. */
    private static void wellBehaved(int port, AtomicBoolean stop, AtomicLong roundTrips) {
        Random random = new Random(7);
        try (RawClient c = new RawClient(port)) {
            for (long i = 0; !stop.get(); i++) {
                byte[] value = new byte[random.nextInt(200)];
                random.nextBytes(value);
                String key = "good:" + i;
                assertThat(c.call("SET", key, value)).isEqualTo("OK");
                assertThat((byte[]) c.call("GET", key)).isEqualTo(value);
                roundTrips.incrementAndGet();
            }
        } catch (IOException e) {
            throw new AssertionError("the well-behaved client failed", e);
        }
    }

    /**
     * One connection: random bytes in random pieces, then end of input unless they break the protocol; checks every
     * reply the server sends against what a parser finds in the bytes, and that the server closes. True if the bytes
     * broke the protocol.
     */
    private static boolean fuzzOneConnection(int port, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] input = FuzzInput.any(random);
        Expected expected = Expected.of(input);
        try (RawClient c = new RawClient(port)) {
            String what = "input " + printable(input);
            try {
                for (int pos = 0; pos < input.length; ) {
                    int n = Math.min(input.length - pos, 1 + random.nextInt(64));
                    c.write(input, pos, n);
                    pos += n;
                }
                if (expected.error == null) {
                    c.socket.shutdownOutput(); // else the server must close by itself
                }
            } catch (IOException e) {
                // the server may close on a protocol error before the rest is written: the replies are still there
                assertThat(expected.error)
                        .as("the server closed while %s was written (%s)", what, e)
                        .isNotNull();
            }
            for (int i = 0; i < expected.replies; i++) {
                try {
                    c.read(); // any well-framed reply: which one depends on what the other fuzzers did
                } catch (IOException e) {
                    throw new AssertionError("reply " + (i + 1) + " of " + expected.replies + " to " + what, e);
                }
            }
            if (expected.error != null) {
                // as Redis, CR and LF in an error text become blanks
                String want = "ERR Protocol error: "
                        + expected.error.replace('\r', ' ').replace('\n', ' ');
                Object last = c.read();
                assertThat(last).as("the last reply to %s", what).isInstanceOf(RawClient.Err.class);
                String got = ((RawClient.Err) last).text();
                int ascii = (int) want.chars().takeWhile(ch -> ch < 128).count();
                // a byte over 127 quoted in the text is compared up to it only: see the class comment
                assertThat(got).as("the last reply to %s", what).startsWith(want.substring(0, ascii));
                if (ascii == want.length()) {
                    assertThat(got).as("the last reply to %s", what).isEqualTo(want);
                }
            }
            assertThat(c.closedByServer())
                    .as("the server closes after %s", what)
                    .isTrue();
        }
        return expected.error != null;
    }

    /** How many replies a connection's bytes call for, and the protocol error that ends them, if any. */
    private record Expected(int replies, String error) {
        static Expected of(byte[] input) {
            int[] requests = {0};
            String[] error = {null};
            boolean[] quit = {false};
            new RespParser().feed(ByteBuffer.wrap(input), new RespParser.Sink() {
                @Override
                public boolean request(Args args) {
                    requests[0]++;
                    quit[0] = args.is(0, "QUIT");
                    return !quit[0];
                }

                @Override
                public void protocolError(String message) {
                    error[0] = message;
                }
            });
            return new Expected(requests[0], quit[0] ? null : error[0]);
        }
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : Arrays.copyOf(b, Math.min(b.length, 400))) {
            int c = x & 0xff;
            sb.append(
                    c >= 32 && c < 127 && c != '"' && c != '\\'
                            ? String.valueOf((char) c)
                            : String.format("\\x%02x", c));
        }
        return sb.append(b.length > 400 ? "\"..." : "\"").toString();
    }
}
