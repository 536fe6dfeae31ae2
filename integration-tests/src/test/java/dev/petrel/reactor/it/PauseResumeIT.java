package dev.petrel.reactor.it;

import static dev.petrel.reactor.it.Loopback.HOST;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code pauseProducing} stops reading from the peer (whose writes then back up in TCP); resuming loses nothing. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PauseResumeIT {
    private final Loopback.Closer closer = new Loopback.Closer();
    private final BlockingQueue<Collector> accepted = new LinkedBlockingQueue<>();
    private Listener listener;

    @BeforeEach
    void startServer() {
        Reactor reactor = closer.add(Reactor.create(1));
        listener = reactor.listenTcp(Loopback.anyPort(), Loopback.keeping(accepted, Collector::new));
        reactor.start();
    }

    @AfterEach
    void cleanUp() {
        closer.close();
    }

    /**
     * Keeps what it receives. Pauses itself on the first bytes; with {@code toggle}, pauses on every read and resumes
     * from a timer 1 ms later, counting any bytes that arrive while paused.
     */
    private static final class Collector extends Loopback.Echo {
        final CountDownLatch pausedOnce = new CountDownLatch(1);
        final AtomicInteger deliveriesWhilePaused = new AtomicInteger();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        volatile boolean toggle;
        private boolean paused;

        @Override
        public void dataReceived(ByteBuffer data) {
            if (paused) {
                deliveriesWhilePaused.incrementAndGet();
            }
            byte[] b = new byte[data.remaining()];
            data.get(b);
            synchronized (received) {
                received.writeBytes(b);
            }
            if (pausedOnce.getCount() > 0 || toggle) {
                paused = true;
                transport.pauseProducing();
                pausedOnce.countDown();
                if (toggle) {
                    transport.scheduler().callLater(Duration.ofMillis(1), this::resume);
                }
            }
        }

        void resume() { // on the loop thread
            paused = false;
            transport.resumeProducing();
        }

        byte[] received() {
            synchronized (received) {
                return received.toByteArray();
            }
        }
    }

    @Test
    void aPausedConnectionReadsNothingUntilResumedThenGetsEverythingInOrder() throws Exception {
        SocketChannel client = closer.add(SocketChannel.open(new InetSocketAddress(HOST, listener.port())));
        client.write(ByteBuffer.wrap("hello".getBytes(UTF_8)));
        Collector server = Loopback.next(accepted);
        assertThat(server.pausedOnce.await(10, TimeUnit.SECONDS)).isTrue();

        // write without blocking until nothing more is taken for 200 ms: the paused server's socket is full
        byte[] stream = Loopback.randomBytes(64 << 20, 5);
        ByteBuffer out = ByteBuffer.wrap(stream);
        client.configureBlocking(false);
        long idleSince = System.nanoTime();
        while (out.hasRemaining() && System.nanoTime() - idleSince < 200_000_000L) {
            out.limit(Math.min(stream.length, out.position() + 256 * 1024));
            if (client.write(out) > 0) {
                idleSince = System.nanoTime();
            } else {
                Thread.sleep(10);
            }
        }
        int sent = out.position();
        assertThat(sent)
                .as("bytes the client could send before its writes backed up")
                .isLessThan(stream.length);
        assertThat(new String(server.received(), UTF_8))
                .as("what the paused server read")
                .isEqualTo("hello");

        Transport t = server.awaitMade();
        t.scheduler().execute(t::resumeProducing);
        Loopback.eventually(
                Duration.ofSeconds(20),
                () -> server.received().length == 5 + sent,
                () -> "all " + sent + " bytes read after resuming; got " + (server.received().length - 5));
        byte[] got = server.received();
        assertThat(Arrays.mismatch(got, 5, got.length, stream, 0, sent))
                .as("index of the first byte out of place after resuming")
                .isEqualTo(-1);
    }

    @Test
    void pausingOnEveryReadAndResumingFromATimerLosesAndReordersNothing() throws Exception {
        byte[] stream = Loopback.randomBytes(8 << 20, 6);
        try (Socket client = Loopback.connect(listener.port())) {
            client.getOutputStream().write('>');
            Collector server = Loopback.next(accepted);
            assertThat(server.pausedOnce.await(10, TimeUnit.SECONDS)).isTrue();
            server.toggle = true;
            server.awaitMade().scheduler().execute(server::resume);

            OutputStream out = client.getOutputStream();
            for (int at = 0; at < stream.length; at += 100_000) {
                out.write(stream, at, Math.min(100_000, stream.length - at));
            }
            Loopback.eventually(
                    Duration.ofSeconds(30),
                    () -> server.received().length == 1 + stream.length,
                    () -> "the stream read through pauses and resumes; got " + (server.received().length - 1));
            byte[] got = server.received();
            assertThat(Arrays.mismatch(got, 1, got.length, stream, 0, stream.length))
                    .as("index of the first byte out of place")
                    .isEqualTo(-1);
            assertThat(server.deliveriesWhilePaused)
                    .as("dataReceived calls while paused")
                    .hasValue(0);
        }
    }
}
