package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.Return;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Publisher confirms: confirm.select, acks (single and multiple) covering every publish, nacks when a full queue
 * rejects publishes, and mandatory publishing with basic.return for unroutable messages.
 */
class PublisherConfirmsIT extends AmqpITSupport {

    /** Records the delivery tags the broker settled, expanding "multiple" acks and nacks into single tags. */
    static final class Settled implements ConfirmListener {
        final Set<Long> acked = new ConcurrentSkipListSet<>();
        final Set<Long> nacked = new ConcurrentSkipListSet<>();
        volatile boolean sawMultiple;
        private final CountDownLatch all;

        Settled(int expected) {
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
            sawMultiple |= multiple;
            for (long t = multiple ? 1 : tag; t <= tag; t++) {
                if (!acked.contains(t) && !nacked.contains(t) && into.add(t)) {
                    all.countDown();
                }
            }
        }

        void await() throws InterruptedException {
            assertThat(all.await(5, SECONDS))
                    .as("every publish settled within 5s")
                    .isTrue();
        }
    }

    @Test
    void publishSequenceNumbersStartAtOneAfterConfirmSelect() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            assertThat(ch.getNextPublishSeqNo()).isZero();
            assertThat(ch.confirmSelect()).isNotNull();
            assertThat(ch.getNextPublishSeqNo()).isEqualTo(1);
            String q = exclusiveQueue(ch, null);
            ch.basicPublish("", q, null, "a".getBytes(UTF_8));
            assertThat(ch.getNextPublishSeqNo()).isEqualTo(2);
            assertThat(ch.waitForConfirms(5_000)).isTrue();
            assertThat(ch.messageCount(q)).isEqualTo(1);
        }
    }

    @Test
    void everyPublishIsAckedAndAListenerSeesThem() throws Exception {
        int n = 500;
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = exclusiveQueue(ch, null);
            ch.confirmSelect();
            Settled settled = new Settled(n);
            ch.addConfirmListener(settled);
            for (int i = 0; i < n; i++) {
                ch.basicPublish("", q, null, ("m" + i).getBytes(UTF_8));
            }
            settled.await();
            assertThat(settled.acked).hasSize(n).contains(1L, (long) n);
            assertThat(settled.nacked).isEmpty();
            assertThat(ch.waitForConfirms(5_000)).isTrue();
            assertThat(ch.messageCount(q)).isEqualTo(n);
        }
    }

    @Test
    void confirmSelectIsIdempotentAndNowaitWorks() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = exclusiveQueue(ch, null);
            ch.confirmSelect();
            ch.confirmSelect();
            ch.basicPublish("", q, null, "a".getBytes(UTF_8));
            ch.basicPublish("", q, null, "b".getBytes(UTF_8));
            ch.waitForConfirmsOrDie(5_000);
            assertThat(ch.messageCount(q)).isEqualTo(2);
        }
    }

    @Test
    void aFullRejectPublishQueueNacksTheOverflow() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = exclusiveQueue(ch, Map.of("x-max-length", 2, "x-overflow", "reject-publish"));
            ch.confirmSelect();
            Settled settled = new Settled(4);
            ch.addConfirmListener(settled);
            for (String body : new String[] {"1", "2", "3", "4"}) {
                ch.basicPublish("", q, null, body.getBytes(UTF_8));
            }
            settled.await();
            assertThat(settled.acked).containsExactly(1L, 2L);
            assertThat(settled.nacked).containsExactly(3L, 4L);
            assertThat(ch.waitForConfirms(5_000)).isFalse();
            assertThat(ch.messageCount(q)).isEqualTo(2);
            assertThat(ch.basicGet(q, true).getBody()).isEqualTo("1".getBytes(UTF_8));
            ch.basicPublish("", q, null, "5".getBytes(UTF_8));
            assertThat(ch.waitForConfirms(5_000)).isTrue();
        }
    }

    @Test
    void anUnroutableMandatoryMessageIsReturnedWithNoRoute() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String x = unique("it.x");
            ch.exchangeDeclare(x, "direct", false, true, null);
            BlockingQueue<Return> returns = new LinkedBlockingQueue<>();
            ch.addReturnListener(returns::add);
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .contentType("text/plain")
                    .messageId("id-1")
                    .headers(Map.of("h", "v"))
                    .build();
            ch.basicPublish(x, "nowhere", true, props, "lost".getBytes(UTF_8));
            Return r = returns.poll(5, SECONDS);
            assertThat(r).as("a basic.return within 5s").isNotNull();
            assertThat(r.getReplyCode()).isEqualTo(312);
            assertThat(r.getReplyText()).isEqualTo("NO_ROUTE");
            assertThat(r.getExchange()).isEqualTo(x);
            assertThat(r.getRoutingKey()).isEqualTo("nowhere");
            assertThat(new String(r.getBody(), UTF_8)).isEqualTo("lost");
            assertThat(r.getProperties().getContentType()).isEqualTo("text/plain");
            assertThat(r.getProperties().getMessageId()).isEqualTo("id-1");
            assertThat(r.getProperties().getHeaders()).containsKey("h");
            assertThat(r.getProperties().getHeaders().get("h").toString()).isEqualTo("v");
            ch.exchangeDelete(x);
        }
    }

    @Test
    void aRoutableMandatoryMessageIsNotReturned() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = exclusiveQueue(ch, null);
            BlockingQueue<Return> returns = new LinkedBlockingQueue<>();
            ch.addReturnListener(returns::add);
            ch.confirmSelect();
            ch.basicPublish("", q, true, null, "kept".getBytes(UTF_8));
            ch.basicPublish("", unique("it.missing"), true, null, "lost".getBytes(UTF_8));
            ch.waitForConfirmsOrDie(5_000);
            Return r = returns.poll(5, SECONDS);
            assertThat(r).isNotNull();
            assertThat(new String(r.getBody(), UTF_8)).isEqualTo("lost");
            assertThat(returns).isEmpty();
            GetResponse got = ch.basicGet(q, true);
            assertThat(got.getBody()).isEqualTo("kept".getBytes(UTF_8));
        }
    }

    @Test
    void unroutableMessagesAreStillAckedAndAReturnComesBeforeItsAck() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            List<String> events = new CopyOnWriteArrayList<>();
            ch.addReturnListener(r -> events.add("return " + new String(r.getBody(), UTF_8)));
            ch.confirmSelect();
            Settled settled = new Settled(2);
            ch.addConfirmListener((tag, multiple) -> events.add("ack " + tag), (tag, multiple) -> events.add("nack"));
            ch.addConfirmListener(settled);
            ch.basicPublish("amq.direct", unique("it.none"), false, null, "plain".getBytes(UTF_8));
            ch.basicPublish("amq.direct", unique("it.none"), true, null, "mandatory".getBytes(UTF_8));
            settled.await();
            assertThat(settled.acked).containsExactly(1L, 2L);
            assertThat(settled.nacked).isEmpty();
            assertThat(ch.waitForConfirms(5_000)).isTrue();
            assertThat(events).contains("return mandatory", "ack 2").doesNotContain("nack", "return plain");
            assertThat(events.indexOf("return mandatory")).isLessThan(events.indexOf("ack 2"));
        }
    }

    private static String exclusiveQueue(Channel ch, Map<String, Object> args) throws java.io.IOException {
        return ch.queueDeclare(unique("it.q"), false, true, false, args).getQueue();
    }
}
