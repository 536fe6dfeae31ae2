package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Priority queues ({@code x-max-priority}): higher priorities are delivered first, equal priorities in publish order, a
 * priority above the maximum counts as the maximum, no priority counts as 0, and requeued messages take their place by
 * priority again.
 */
class PriorityQueueIT extends AmqpITSupport {

    @Test
    void higherPrioritiesComeFirstAndEqualOnesInPublishOrder() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = priorityQueue(ch, 5);
            send(ch, q, msg(1, "a1"), msg(3, "c1"), msg(1, "a2"), msg(5, "e1"), msg(3, "c2"), msg(null, "z"));
            assertThat(drain(ch, q)).containsExactly("e1", "c1", "c2", "a1", "a2", "z");
        }
    }

    @Test
    void aPriorityAboveTheMaximumCountsAsTheMaximumAndIsKeptAsSent() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = priorityQueue(ch, 3);
            send(ch, q, msg(2, "two"), msg(3, "three-a"), msg(9, "nine"), msg(3, "three-b"), msg(200, "two-hundred"));
            GetResponse first = ch.basicGet(q, true);
            assertThat(new String(first.getBody(), UTF_8)).isEqualTo("three-a");
            assertThat(first.getProps().getPriority()).isEqualTo(3);
            GetResponse second = ch.basicGet(q, true);
            assertThat(new String(second.getBody(), UTF_8)).isEqualTo("nine");
            assertThat(second.getProps().getPriority()).isEqualTo(9);
            assertThat(drain(ch, q)).containsExactly("three-b", "two-hundred", "two");
        }
    }

    @Test
    void noPriorityCountsAsZero() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = priorityQueue(ch, 5);
            send(ch, q, msg(null, "none-1"), msg(0, "zero"), msg(null, "none-2"), msg(1, "one"));
            List<GetResponse> got = new ArrayList<>();
            for (GetResponse r = ch.basicGet(q, true); r != null; r = ch.basicGet(q, true)) {
                got.add(r);
            }
            assertThat(got)
                    .extracting(r -> new String(r.getBody(), UTF_8))
                    .containsExactly("one", "none-1", "zero", "none-2");
            assertThat(got.get(1).getProps().getPriority()).isNull();
            assertThat(got.get(2).getProps().getPriority()).isZero();
        }
    }

    @Test
    void requeuedMessagesTakeTheirPlaceByPriority() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = priorityQueue(ch, 5);
            send(ch, q, msg(1, "low"), msg(5, "high"));
            GetResponse high = ch.basicGet(q, false);
            GetResponse low = ch.basicGet(q, false);
            assertThat(new String(high.getBody(), UTF_8)).isEqualTo("high");
            assertThat(new String(low.getBody(), UTF_8)).isEqualTo("low");
            send(ch, q, msg(3, "mid"), msg(1, "low-later"));
            ch.basicNack(low.getEnvelope().getDeliveryTag(), true, true);

            List<String> order = new ArrayList<>();
            for (GetResponse r = ch.basicGet(q, true); r != null; r = ch.basicGet(q, true)) {
                order.add(new String(r.getBody(), UTF_8) + (r.getEnvelope().isRedeliver() ? "*" : ""));
            }
            assertThat(order).containsExactly("high*", "mid", "low*", "low-later");
        }
    }

    @Test
    void aConsumerWithPrefetchOneReceivesInPriorityOrder() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = priorityQueue(ch, 10);
            send(ch, q, msg(1, "1"), msg(7, "7"), msg(4, "4"), msg(10, "10"), msg(4, "4b"));
            Channel consumer = c.createChannel();
            consumer.basicQos(1);
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            consumer.basicConsume(
                    q,
                    false,
                    (tag, d) -> {
                        seen.add(new String(d.getBody(), UTF_8));
                        consumer.basicAck(d.getEnvelope().getDeliveryTag(), false);
                    },
                    tag -> {});
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String body = seen.poll(5, SECONDS);
                assertThat(body).as("delivery %d within 5s", i + 1).isNotNull();
                order.add(body);
            }
            assertThat(order).containsExactly("10", "7", "4", "4b", "1");
        }
    }

    record Msg(Integer priority, String body) {}

    private static Msg msg(Integer priority, String body) {
        return new Msg(priority, body);
    }

    private static String priorityQueue(Channel ch, int max) throws IOException {
        return ch.queueDeclare(unique("it.q"), false, true, false, Map.of("x-max-priority", max))
                .getQueue();
    }

    /** Publishes the messages in order and waits for the broker to confirm them all. */
    private static void send(Channel ch, String q, Msg... messages) throws Exception {
        ch.confirmSelect();
        for (Msg m : messages) {
            AMQP.BasicProperties props =
                    new AMQP.BasicProperties.Builder().priority(m.priority()).build();
            ch.basicPublish("", q, props, m.body().getBytes(UTF_8));
        }
        ch.waitForConfirmsOrDie(5_000);
    }

    private static List<String> drain(Channel ch, String q) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (GetResponse r = ch.basicGet(q, true); r != null; r = ch.basicGet(q, true)) {
            bodies.add(new String(r.getBody(), UTF_8));
        }
        return bodies;
    }
}
