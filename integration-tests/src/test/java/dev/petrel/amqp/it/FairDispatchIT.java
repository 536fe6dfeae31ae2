package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Dispatch among consumers: round-robin, per-consumer prefetch, the per-channel limit of {@code basic.qos} with
 * {@code global=true} (RabbitMQ's reading of the flag), prefetch 0 as unlimited, and when a new limit applies. A limit
 * is checked by waiting until the queue's ready count shows the broker has dispatched all it may, then counting.
 */
class FairDispatchIT extends AmqpITSupport {

    /** Records the bodies and delivery tags it receives; never acknowledges by itself. */
    static final class Holder extends DefaultConsumer {
        final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        final BlockingQueue<Long> tags = new LinkedBlockingQueue<>();
        final AtomicInteger received = new AtomicInteger();

        Holder(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
            tags.add(env.getDeliveryTag());
            received.incrementAndGet();
            bodies.add(new String(body, UTF_8));
        }

        String next() throws InterruptedException {
            String body = bodies.poll(5, SECONDS);
            assertThat(body).as("a delivery within 5s").isNotNull();
            return body;
        }
    }

    @Test
    void consumersTakeTurns() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch);
            List<Holder> consumers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Holder h = new Holder(ch);
                ch.basicConsume(q, true, h);
                consumers.add(h);
            }
            send(ch, q, 9);
            for (int i = 0; i < 3; i++) {
                Holder h = consumers.get(i);
                assertThat(List.of(h.next(), h.next(), h.next()))
                        .containsExactly("m" + i, "m" + (i + 3), "m" + (i + 6));
            }
        }
    }

    @Test
    void prefetchOneHoldsAtMostOneUnacked() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch);
            send(ch, q, 3);
            ch.basicQos(1);
            Holder h = new Holder(ch);
            ch.basicConsume(q, false, h);
            assertThat(h.next()).isEqualTo("m0");
            awaitReady(ch, q, 2);
            assertThat(h.bodies).isEmpty();
            ch.basicAck(h.tags.take(), false);
            assertThat(h.next()).isEqualTo("m1");
            awaitReady(ch, q, 1);
            assertThat(h.bodies).isEmpty();
        }
    }

    @Test
    void prefetchIsPerConsumerAndAUnlimitedPeerTakesTheRest() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch);
            Channel limitedChannel = c.createChannel();
            limitedChannel.basicQos(1);
            Holder limited = new Holder(limitedChannel);
            limitedChannel.basicConsume(q, false, limited);
            Channel freeChannel = c.createChannel();
            Holder free = new Holder(freeChannel);
            freeChannel.basicConsume(q, false, free);
            send(ch, q, 10);
            for (int i = 0; i < 9; i++) {
                free.next();
            }
            assertThat(limited.next()).isEqualTo("m0");
            awaitReady(ch, q, 0);
            assertThat(limited.bodies).isEmpty();
            assertThat(free.bodies).isEmpty();
        }
    }

    @Test
    void globalQosLimitsTheWholeChannel() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q1 = queue(ch);
            String q2 = queue(ch);
            send(ch, q1, 5);
            send(ch, q2, 5);
            Channel limited = c.createChannel();
            limited.basicQos(2, false); // each consumer: 2
            limited.basicQos(3, true); // the channel: 3
            Holder a = new Holder(limited);
            Holder b = new Holder(limited);
            limited.basicConsume(q1, false, a);
            limited.basicConsume(q2, false, b);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ready(ch, q1) + ready(ch, q2) > 7 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ready(ch, q1) + ready(ch, q2)).isEqualTo(7);
            awaitDelivered(a, b, 3);
            assertThat(a.received.get()).isBetween(1, 2);
            assertThat(b.received.get()).isBetween(1, 2);

            limited.basicAck(a.tags.take(), false); // frees one place on the channel
            awaitDelivered(a, b, 4);
            assertThat(ready(ch, q1) + ready(ch, q2)).isEqualTo(6);
        }
    }

    @Test
    void anAckUnderTheGlobalLimitLetsAnotherQueueDeliver() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q1 = queue(ch);
            String q2 = queue(ch);
            send(ch, q1, 1);
            send(ch, q2, 1);
            Channel limited = c.createChannel();
            limited.basicQos(1, true);
            Holder a = new Holder(limited);
            Holder b = new Holder(limited);
            limited.basicConsume(q1, false, a);
            awaitDelivered(a, b, 1);
            limited.basicConsume(q2, false, b);
            awaitReady(ch, q2, 1); // the channel is full: q2's message waits
            limited.basicAck(a.tags.take(), false);
            assertThat(b.next()).as("q2's message, once the channel has room").isEqualTo("m0");
        }
    }

    @Test
    void prefetchZeroIsUnlimited() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch);
            send(ch, q, 20);
            ch.basicQos(1);
            ch.basicQos(0);
            Holder h = new Holder(ch);
            ch.basicConsume(q, false, h);
            for (int i = 0; i < 20; i++) {
                assertThat(h.next()).isEqualTo("m" + i);
            }
        }
    }

    @Test
    void aNewPerConsumerPrefetchAppliesToLaterConsumersOnly() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch);
            send(ch, q, 6);
            ch.basicQos(1);
            Holder before = new Holder(ch);
            ch.basicConsume(q, false, before);
            assertThat(before.next()).isEqualTo("m0");
            ch.basicQos(3);
            Holder after = new Holder(ch);
            ch.basicConsume(q, false, after);
            assertThat(List.of(after.next(), after.next(), after.next())).containsExactly("m1", "m2", "m3");
            awaitReady(ch, q, 2);
            assertThat(before.bodies).isEmpty();
            assertThat(after.bodies).isEmpty();
        }
    }

    @Test
    void raisingTheGlobalLimitReleasesMoreAtOnce() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch);
            send(ch, q, 6);
            ch.basicQos(1, true);
            Holder h = new Holder(ch);
            ch.basicConsume(q, false, h);
            assertThat(h.next()).isEqualTo("m0");
            awaitReady(ch, q, 5);
            ch.basicQos(4, true);
            assertThat(List.of(h.next(), h.next(), h.next())).containsExactly("m1", "m2", "m3");
            awaitReady(ch, q, 2);
            assertThat(h.bodies).isEmpty();
        }
    }

    private static String queue(Channel ch) throws IOException {
        return ch.queueDeclare(unique("it.q"), false, true, false, null).getQueue();
    }

    private static void send(Channel ch, String q, int count) throws Exception {
        ch.confirmSelect();
        for (int i = 0; i < count; i++) {
            ch.basicPublish("", q, null, ("m" + i).getBytes(UTF_8));
        }
        ch.waitForConfirmsOrDie(5_000);
    }

    private static int ready(Channel ch, String q) throws IOException {
        return ch.queueDeclarePassive(q).getMessageCount();
    }

    /** Waits until {@code q} has {@code count} ready messages, then asserts it has exactly that many. */
    private static void awaitReady(Channel ch, String q, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ready(ch, q) != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ready(ch, q)).isEqualTo(count);
    }

    /** Waits until {@code a} and {@code b} together received {@code total} messages, then asserts it is exactly that. */
    private static void awaitDelivered(Holder a, Holder b, int total) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (a.received.get() + b.received.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(a.received.get() + b.received.get()).isEqualTo(total);
    }
}
