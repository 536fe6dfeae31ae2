package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Queue length limits: {@code x-max-length} and {@code x-max-length-bytes} with each {@code x-overflow} behaviour:
 * drop-head (the oldest ready message goes, dead-lettered when there is a dead-letter exchange), reject-publish (the
 * new message is refused and nacked) and reject-publish-dlx (refused, nacked and dead-lettered).
 */
class MaxLengthIT extends AmqpITSupport {

    /** The delivery tags a confirm-mode channel saw acked and nacked, expanding "multiple". */
    static final class Outcome implements ConfirmListener {
        final Set<Long> acked = new ConcurrentSkipListSet<>();
        final Set<Long> nacked = new ConcurrentSkipListSet<>();
        private final CountDownLatch all;

        Outcome(int expected) {
            all = new CountDownLatch(expected);
        }

        @Override
        public void handleAck(long tag, boolean multiple) {
            record(acked, tag, multiple);
        }

        @Override
        public void handleNack(long tag, boolean multiple) {
            record(nacked, tag, multiple);
        }

        private synchronized void record(Set<Long> into, long tag, boolean multiple) {
            for (long t = multiple ? 1 : tag; t <= tag; t++) {
                if (!acked.contains(t) && !nacked.contains(t) && into.add(t)) {
                    all.countDown();
                }
            }
        }
    }

    @Test
    void dropHeadKeepsTheNewestMessages() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch, Map.of("x-max-length", 3));
            Outcome outcome = publish(ch, q, "1", "2", "3", "4", "5");
            assertThat(outcome.acked).hasSize(5);
            assertThat(drain(ch, q)).containsExactly("3", "4", "5");
        }
    }

    @Test
    void maxLengthBytesCountsBodiesAndDropsTheHead() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch, Map.of("x-max-length-bytes", 10, "x-overflow", "drop-head"));
            publish(ch, q, "aaaa", "bbbb", "cccc");
            assertThat(drain(ch, q)).containsExactly("bbbb", "cccc");
            publish(ch, q, "12345678901");
            assertThat(ch.messageCount(q)).isZero();
        }
    }

    @Test
    void onlyReadyMessagesCountTowardsTheLimit() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
            publish(ch, q, "held");
            GetResponse held = ch.basicGet(q, false);
            Outcome outcome = publish(ch, q, "next");
            assertThat(outcome.acked).hasSize(1);
            assertThat(outcome.nacked).isEmpty();
            assertThat(ch.messageCount(q)).isEqualTo(1);
            ch.basicAck(held.getEnvelope().getDeliveryTag(), false);
        }
    }

    @Test
    void dropHeadDeadLettersTheDroppedMessagesInOrder() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String dlq = queue(ch, null);
            String q = queue(ch, deadLetterTo(dlq, Map.of("x-max-length", 2, "x-overflow", "drop-head")));
            publish(ch, q, "1", "2", "3", "4");
            assertThat(drain(ch, q)).containsExactly("3", "4");
            List<String> dead = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                GetResponse r = awaitGet(ch, dlq);
                dead.add(new String(r.getBody(), UTF_8));
                assertThat(reasonOf(r)).isEqualTo("maxlen");
            }
            assertThat(dead).containsExactly("1", "2");
        }
    }

    @Test
    void rejectPublishNacksAndKeepsTheQueueAsItWas() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String dlq = queue(ch, null);
            String q = queue(ch, deadLetterTo(dlq, Map.of("x-max-length", 2, "x-overflow", "reject-publish")));
            Outcome outcome = publish(ch, q, "1", "2", "3", "4");
            assertThat(outcome.acked).containsExactly(1L, 2L);
            assertThat(outcome.nacked).containsExactly(3L, 4L);
            assertThat(drain(ch, q)).containsExactly("1", "2");
            assertThat(ch.messageCount(dlq))
                    .as("reject-publish does not dead-letter")
                    .isZero();
        }
    }

    @Test
    void rejectPublishWithMaxLengthBytes() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch, Map.of("x-max-length-bytes", 8, "x-overflow", "reject-publish"));
            Outcome outcome = publish(ch, q, "aaaa", "bbbb", "cccc", "dddd");
            assertThat(outcome.acked).containsExactly(1L, 2L);
            assertThat(outcome.nacked).containsExactly(3L, 4L);
            assertThat(drain(ch, q)).containsExactly("aaaa", "bbbb");
        }
    }

    @Test
    void rejectPublishDlxNacksAndDeadLettersTheRefusedMessages() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String dlq = queue(ch, null);
            String q = queue(ch, deadLetterTo(dlq, Map.of("x-max-length", 1, "x-overflow", "reject-publish-dlx")));
            Outcome outcome = publish(ch, q, "kept", "refused-1", "refused-2");
            assertThat(outcome.acked).containsExactly(1L);
            assertThat(outcome.nacked).containsExactly(2L, 3L);
            assertThat(drain(ch, q)).containsExactly("kept");
            for (String body : List.of("refused-1", "refused-2")) {
                GetResponse r = awaitGet(ch, dlq);
                assertThat(new String(r.getBody(), UTF_8)).isEqualTo(body);
                assertThat(reasonOf(r)).isEqualTo("maxlen");
                assertThat(deathOf(r).get("queue").toString()).isEqualTo(q);
            }
        }
    }

    private static Map<String, Object> deadLetterTo(String dlq, Map<String, Object> more) {
        Map<String, Object> args = new HashMap<>(more);
        args.put("x-dead-letter-exchange", "");
        args.put("x-dead-letter-routing-key", dlq);
        return args;
    }

    private static String queue(Channel ch, Map<String, Object> args) throws IOException {
        return ch.queueDeclare(unique("it.q"), false, true, false, args).getQueue();
    }

    /** Publishes in confirm mode on a fresh channel and waits until every message is acked or nacked. */
    private static Outcome publish(Channel on, String q, String... bodies) throws Exception {
        Channel ch = on.getConnection().createChannel();
        ch.confirmSelect();
        Outcome outcome = new Outcome(bodies.length);
        ch.addConfirmListener(outcome);
        for (String body : bodies) {
            ch.basicPublish("", q, null, body.getBytes(UTF_8));
        }
        assertThat(outcome.all.await(5, SECONDS)).as("every publish settled").isTrue();
        ch.close();
        return outcome;
    }

    /** Takes every ready message of {@code q} (auto-ack), in order. */
    private static List<String> drain(Channel ch, String q) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (GetResponse r = ch.basicGet(q, true); r != null; r = ch.basicGet(q, true)) {
            bodies.add(new String(r.getBody(), UTF_8));
        }
        return bodies;
    }

    private static GetResponse awaitGet(Channel ch, String q) throws Exception {
        for (int i = 0; i < 500; i++) {
            GetResponse r = ch.basicGet(q, true);
            if (r != null) {
                return r;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no message in " + q + " within 5s");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deathOf(GetResponse r) {
        return ((List<Map<String, Object>>) r.getProps().getHeaders().get("x-death")).get(0);
    }

    private static String reasonOf(GetResponse r) {
        return deathOf(r).get("reason").toString();
    }
}
