package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.petrel.amqp.AmqpConfig;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Memory alarm: once queued message data passes the high watermark, publishing connections get connection.blocked
 * ("low on memory") and are no longer read; consumers on other connections still receive, and when they have drained
 * the backlog the publisher gets connection.unblocked and may publish again. In-process only: another broker's
 * watermark cannot be set to a size that its own footprint does not already exceed.
 */
class ConnectionBlockedIT extends AmqpITSupport {
    private static final int WATERMARK = 64 * 1024;
    private static final byte[] KIB = new byte[1024];

    @Override
    protected AmqpConfig configure(AmqpConfig config) {
        return config.memoryHighWatermark(WATERMARK);
    }

    /** Records connection.blocked reasons and connection.unblocked notifications. */
    static final class Alarms implements BlockedListener {
        final BlockingQueue<String> blocked = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> unblocked = new LinkedBlockingQueue<>();

        @Override
        public void handleBlocked(String reason) {
            blocked.add(reason);
        }

        @Override
        public void handleUnblocked() {
            unblocked.add(true);
        }
    }

    static final class Counter extends DefaultConsumer {
        final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();

        Counter(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
            bodies.add(new String(body, UTF_8));
        }
    }

    @Test
    void publishersAreBlockedAboveTheWatermarkUntilConsumersDrainTheQueue() throws Exception {
        assumeFalse(external(), "the watermark is set in-process");
        try (Connection publisher = connect();
                Connection consumer = connect()) {
            Alarms alarms = new Alarms();
            publisher.addBlockedListener(alarms);
            Channel pub = publisher.createChannel();
            String q = unique("it.blocked");
            pub.queueDeclare(q, false, false, false, null);

            int published = 0;
            String reason = null;
            while (reason == null && published < 4 * WATERMARK / KIB.length) {
                pub.basicPublish("", q, null, KIB);
                published++;
                reason = alarms.blocked.poll(20, MILLISECONDS);
            }
            assertThat(reason).as("connection.blocked after %d KiB", published).isEqualTo("low on memory");
            assertThat(published).isGreaterThanOrEqualTo(WATERMARK / KIB.length);
            assertThat(alarms.unblocked).isEmpty();

            Channel sub = consumer.createChannel();
            Counter counter = new Counter(sub);
            sub.basicConsume(q, true, counter);
            for (int i = 0; i < published; i++) {
                assertThat(counter.bodies.poll(5, SECONDS)).as("delivery %d", i).isNotNull();
            }
            assertThat(alarms.unblocked.poll(5, SECONDS))
                    .as("connection.unblocked")
                    .isTrue();

            pub.basicPublish("", q, null, "after".getBytes(UTF_8));
            assertThat(counter.bodies.poll(5, SECONDS)).isEqualTo("after");
            assertThat(alarms.blocked).isEmpty();
            sub.queueDelete(q);
        }
    }
}
