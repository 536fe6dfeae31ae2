package dev.petrel.redis.it;

import static dev.petrel.redis.it.Probe.clientLine;
import static dev.petrel.redis.it.Probe.clientLineNamed;
import static dev.petrel.redis.it.Probe.eventually;
import static dev.petrel.redis.it.Probe.field;
import static dev.petrel.redis.it.Probe.numsub;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.testing.PetrelRedisExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * A subscriber that never reads while a gigabyte is published: client-output-buffer-limit's pubsub class disconnects
 * it, the publisher keeps being served at full speed, and the heap of this JVM (where the server runs) stays bounded.
 * Failsafe runs this JVM with -Xmx1g, so holding what was published for the subscriber would not fit.
 */
class SlowSubscriberIT {
    @RegisterExtension
    static final PetrelRedisExtension redis = new PetrelRedisExtension().flushAllBeforeEach();

    private static final long MIB = 1 << 20;
    private static final int MESSAGE = 64 * 1024;
    private static final int PER_BATCH = 64;

    private Jedis publisher;
    private final byte[] payload = new byte[MESSAGE];

    @BeforeEach
    void connect() {
        publisher = new Jedis(redis.host(), redis.port());
        new Random(4).nextBytes(payload);
    }

    @AfterEach
    void restoreTheLimits() {
        publisher.configSet("client-output-buffer-limit", "pubsub 32mb 8mb 60");
        publisher.close();
    }

    /** A subscriber on a socket with a small receive buffer that sends its commands and then never reads. */
    private Socket neverReading(String name, String channel) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress(redis.host(), redis.port()), 5_000);
        OutputStream out = s.getOutputStream();
        out.write(RawClient.encode("CLIENT", "SETNAME", name));
        out.write(RawClient.encode("SUBSCRIBE", channel));
        out.flush();
        return s;
    }

    /** Publishes {@code batches} pipelined batches of 64 messages of 64 KiB; the receivers each PUBLISH reached. */
    private List<Long> publish(String channel, int batches) {
        List<Long> receivers = new ArrayList<>(batches * PER_BATCH);
        byte[] ch = channel.getBytes(UTF_8);
        Pipeline p = publisher.pipelined();
        for (int b = 0; b < batches; b++) {
            List<Response<Long>> replies = new ArrayList<>(PER_BATCH);
            for (int i = 0; i < PER_BATCH; i++) {
                replies.add(p.publish(ch, payload));
            }
            p.sync();
            replies.forEach(r -> receivers.add(r.get()));
        }
        return receivers;
    }

    /** Reads what the kernel still holds for {@code s} up to the end of the stream, asserting that the stream ends. */
    private static long drainToEnd(Socket s) throws IOException {
        s.setSoTimeout(30_000);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
        }
        return total;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSubscriberThatNeverReadsIsDisconnectedWhileAGigabyteIsPublished() throws Exception {
        long before = Probe.usedHeapAfterGc();
        try (Socket slow = neverReading("slow-subscriber", "ch")) {
            eventually(() -> assertThat(numsub(publisher, "ch")).isEqualTo(1));
            long id = Long.parseLong(field(clientLineNamed(publisher, "slow-subscriber"), "id"));

            long start = System.nanoTime();
            List<Long> receivers = publish("ch", 256); // 16,384 messages: 1 GiB
            long publishMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            long delivered = receivers.stream().filter(n -> n == 1).count();
            assertThat(receivers).hasSize(16_384).allMatch(n -> n == 0 || n == 1);
            assertThat(delivered)
                    .as("messages published while the subscriber was there")
                    .isPositive();
            assertThat(delivered * MESSAGE)
                    .as("bytes published to it before it was disconnected")
                    .isLessThan(256 * MIB);
            assertThat(receivers.subList(receivers.size() - PER_BATCH, receivers.size()))
                    .as("the last batch reaches nobody")
                    .containsOnly(0L);
            assertThat(numsub(publisher, "ch")).isZero();
            eventually(() -> assertThat(clientLine(publisher, id)).isNull());
            assertThat(publisher.ping()).as("the publisher is still served").isEqualTo("PONG");

            // measured while the subscriber's socket is still open on this side: nothing the server kept for it can
            // have been let go because the client went away
            long after = Probe.usedHeapAfterGc();
            System.out.printf(
                    "SlowSubscriberIT: 1 GiB published in %d ms, %d messages reached the subscriber, heap %d -> %d MiB%n",
                    publishMillis, delivered, before / MIB, after / MIB);
            assertThat(after - before)
                    .as("heap growth (bytes) over a 1 GiB publish, which took %d ms", publishMillis)
                    .isLessThan(256 * MIB);
            assertThat(drainToEnd(slow))
                    .as("bytes the subscriber can still read before the end of its stream")
                    .isLessThan(64 * MIB);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void overTheSoftLimitForLongerThanItsSecondsDisconnects() throws Exception {
        assertThat(publisher.configSet("client-output-buffer-limit", "pubsub 0 1mb 1"))
                .isEqualTo("OK");
        try (Socket slow = neverReading("soft-subscriber", "soft")) {
            eventually(() -> assertThat(numsub(publisher, "soft")).isEqualTo(1));
            long start = System.nanoTime();
            List<Long> receivers = publish("soft", 4); // 16 MiB, with no hard limit
            assertThat(receivers.get(0)).as("the first message reaches it").isEqualTo(1);
            eventually(() -> {
                publisher.publish("soft", "tick"); // Redis checks the soft limit when output is added
                assertThat(numsub(publisher, "soft")).isZero();
            });
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(elapsed)
                    .as("milliseconds before the soft limit's second ran out")
                    .isGreaterThanOrEqualTo(1_000);
            assertThat(clientLineNamed(publisher, "soft-subscriber")).isNull();
            assertThat(drainToEnd(slow)).isLessThan(64 * MIB);
        }
    }
}
