package dev.petrel.reactor.it;

import static dev.petrel.reactor.it.Loopback.HOST;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.petrel.reactor.ClientFactory;
import dev.petrel.reactor.Connector;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ten thousand connections held open at once, an echo on each. Both ends are reactors: the server in a child JVM (ten
 * thousand connections in one process would need twenty thousand descriptors, more than the limit here), the clients
 * made with {@code connectTcp} in this one.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TenThousandConnectionsIT {
    private static final int CONNECTIONS = 10_000;
    /** Connections in flight at once (made but not yet echoed), under the listener's default backlog of 1024. */
    private static final int BATCH = 1_000;

    private final Loopback.Closer closer = new Loopback.Closer();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Probe[] probes = new Probe[CONNECTIONS];

    @AfterEach
    void cleanUp() {
        closer.close();
    }

    @Test
    void holdsTenThousandConnectionsAndEchoesOnEveryOne() throws Exception {
        long limit = maxOpenFiles();
        assumeTrue(
                limit >= 10_500,
                "the OS allows " + limit + " open files per process; holding " + CONNECTIONS
                        + " connections needs about 10,500 in each of the two processes");
        Loopback.ChildServer server = closer.add(Loopback.startChildEchoServer(2, 0));
        Reactor clients = closer.add(Reactor.create(2).start());

        for (int first = 0; first < CONNECTIONS; first += BATCH) {
            // the next batch starts once this one has its echoes: the server has accepted it, the backlog is empty
            CountDownLatch settled = new CountDownLatch(BATCH);
            for (int id = first; id < first + BATCH; id++) {
                probes[id] = new Probe(id, settled);
                clients.connectTcp(HOST, server.port(), probes[id], Duration.ofSeconds(30));
            }
            int from = first;
            assertThat(settled.await(60, TimeUnit.SECONDS))
                    .as(() -> "connections " + from + ".." + (from + BATCH - 1) + " echoed or failed; still waiting: "
                            + Arrays.stream(probes, from, from + BATCH)
                                    .filter(p -> !p.settled)
                                    .limit(10)
                                    .toList())
                    .isTrue();
        }
        assertThat(failures).isEmpty();
        assertThat(open).as("connections open at the end, all at once").hasValue(CONNECTIONS);
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + server.pid() + "/fd"))) {
            assertThat(fds.count()).as("descriptors the child server holds").isGreaterThan(CONNECTIONS);
        }
    }

    /** The soft "Max open files" limit of this process (the child inherits it). */
    private static long maxOpenFiles() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        throw new IOException("no \"Max open files\" line in /proc/self/limits");
    }

    /** One connection: sends a message of its own when made, checks the echo, then stays open. */
    private final class Probe implements ClientFactory, Protocol {
        private final int id;
        private final byte[] message;
        private final CountDownLatch batch;
        private volatile String state = "connecting";
        private volatile boolean settled;
        private byte[] received = new byte[0];

        Probe(int id, CountDownLatch batch) {
            this.id = id;
            this.message = ("connection " + id + " of " + CONNECTIONS + "\n").getBytes(UTF_8);
            this.batch = batch;
        }

        /** On the loop thread. */
        private void settle(String outcome, boolean failed) {
            state = outcome;
            if (failed) {
                failures.add("#" + id + " " + outcome);
            }
            if (!settled) {
                settled = true;
                batch.countDown();
            }
        }

        @Override
        public Protocol buildProtocol(SocketAddress peer) {
            return this;
        }

        @Override
        public void connectionMade(Transport t) {
            open.incrementAndGet();
            state = "connected";
            t.write(message);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            int at = received.length;
            received = Arrays.copyOf(received, at + data.remaining());
            data.get(received, at, received.length - at);
            if (received.length >= message.length) {
                boolean right = Arrays.equals(received, message);
                settle(right ? "echoed" : "wrong echo: " + new String(received, UTF_8), !right);
            }
        }

        @Override
        public void clientConnectionFailed(Connector connector, Throwable reason) {
            settle("connect failed: " + reason, true);
        }

        @Override
        public void connectionLost(Throwable reason) {
            open.decrementAndGet();
            if (!settled) {
                settle("lost before its echo: " + reason, true);
            }
        }

        @Override
        public String toString() {
            return "#" + id + " " + state + " (" + received.length + " bytes back)";
        }
    }
}
