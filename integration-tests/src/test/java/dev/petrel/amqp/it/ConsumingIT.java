package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Consuming: consumer tags, exclusive consumers, cancellation from either side, basic.get, acknowledgements (ack, nack
 * and reject, single and multiple, with and without requeue), basic.recover, no-ack consumers and consumer priorities.
 */
class ConsumingIT extends AmqpITSupport {

    /** What a consumer saw: deliveries (body, redelivered) and whether the broker cancelled it. */
    static final class Recorder extends DefaultConsumer {
        final BlockingQueue<Delivered> deliveries = new LinkedBlockingQueue<>();
        final BlockingQueue<String> brokerCancels = new LinkedBlockingQueue<>();

        Recorder(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
            deliveries.add(new Delivered(new String(body, UTF_8), env.isRedeliver(), env.getDeliveryTag()));
        }

        @Override
        public void handleCancel(String consumerTag) {
            brokerCancels.add(consumerTag);
        }

        Delivered next() throws InterruptedException {
            Delivered d = deliveries.poll(5, SECONDS);
            assertThat(d).as("a delivery within 5s").isNotNull();
            return d;
        }
    }

    record Delivered(String body, boolean redelivered, long tag) {}

    @Test
    void serverGeneratedConsumerTagsAreUniqueAndPrefixed() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            String a = ch.basicConsume(q, new Recorder(ch));
            String b = ch.basicConsume(q, new Recorder(ch));
            assertThat(a).startsWith("amq.ctag-").isNotEqualTo(b);
            assertThat(b).startsWith("amq.ctag-");
            assertThat(ch.basicConsume(q, false, "mine", new Recorder(ch))).isEqualTo("mine");
        }
    }

    @Test
    void anExclusiveConsumerShutsOutOthers() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            ch.basicConsume(q, false, "", false, true, null, new Recorder(ch));
            String text = "ACCESS_REFUSED - queue '" + q + "' in vhost '/' in exclusive use";
            assertChannelClose(c, x -> x.basicConsume(q, new Recorder(x)), 403, text);
            assertChannelClose(c, x -> x.basicConsume(q, false, "", false, true, null, new Recorder(x)), 403, text);

            String shared = ch.queueDeclare().getQueue();
            ch.basicConsume(shared, new Recorder(ch));
            assertChannelClose(
                    c,
                    x -> x.basicConsume(shared, false, "", false, true, null, new Recorder(x)),
                    403,
                    "ACCESS_REFUSED - queue '" + shared + "' in vhost '/' in exclusive use");
        }
    }

    @Test
    void deletingTheQueueCancelsItsConsumers() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = unique("it.q");
            ch.queueDeclare(q, false, true, false, null);
            Recorder consumer = new Recorder(ch);
            String tag = ch.basicConsume(q, consumer);
            c.createChannel().queueDelete(q);
            assertThat(consumer.brokerCancels.poll(5, SECONDS)).isEqualTo(tag);
            assertThat(ch.isOpen()).isTrue();
        }
    }

    @Test
    void basicCancelStopsDeliveries() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = exclusiveQueue(ch); // not auto-delete: it outlives its consumer
            Recorder consumer = new Recorder(ch);
            String tag = ch.basicConsume(q, true, consumer);
            ch.basicPublish("", q, null, "1".getBytes(UTF_8));
            assertThat(consumer.next().body()).isEqualTo("1");
            ch.basicCancel(tag);
            send(ch, q, "2");
            GetResponse r = ch.basicGet(q, true);
            assertThat(r.getBody()).isEqualTo("2".getBytes(UTF_8));
            assertThat(consumer.deliveries).isEmpty();
            assertThat(consumer.brokerCancels).isEmpty();
        }
    }

    @Test
    void basicGetReportsTheRemainingCountAndGetEmpty() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            assertThat(ch.basicGet(q, true)).isNull();
            send(ch, q, "a", "b", "c");
            GetResponse first = ch.basicGet(q, false);
            assertThat(new String(first.getBody(), UTF_8)).isEqualTo("a");
            assertThat(first.getMessageCount()).isEqualTo(2);
            assertThat(first.getEnvelope().isRedeliver()).isFalse();
            assertThat(first.getEnvelope().getRoutingKey()).isEqualTo(q);
            assertThat(ch.basicGet(q, true).getMessageCount()).isEqualTo(1);
            assertThat(ch.basicGet(q, true).getMessageCount()).isZero();
            assertThat(ch.basicGet(q, true)).isNull();
            ch.basicAck(first.getEnvelope().getDeliveryTag(), false);
        }
    }

    @Test
    void requeuedMessagesReturnToTheirPlaceMarkedRedelivered() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            send(ch, q, "m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7");
            List<Long> tags = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tags.add(ch.basicGet(q, false).getEnvelope().getDeliveryTag());
            }
            ch.basicReject(tags.get(1), true); // m1 back
            ch.basicReject(tags.get(3), false); // m3 dropped
            ch.basicNack(tags.get(2), true, true); // m0 and m2 back (m1 already settled)
            ch.basicAck(tags.get(4), false); // m4 done
            ch.basicNack(tags.get(5), false, false); // m5 dropped

            List<String> bodies = new ArrayList<>();
            List<Boolean> redelivered = new ArrayList<>();
            GetResponse r;
            while ((r = ch.basicGet(q, true)) != null) {
                bodies.add(new String(r.getBody(), UTF_8));
                redelivered.add(r.getEnvelope().isRedeliver());
            }
            assertThat(bodies).containsExactly("m0", "m1", "m2", "m6", "m7");
            assertThat(redelivered).containsExactly(true, true, true, false, false);
        }
    }

    @Test
    void ackMultipleSettlesEverythingUpToTheTag() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            send(ch, q, "m0", "m1", "m2", "m3");
            long third = 0;
            for (int i = 0; i < 4; i++) {
                long tag = ch.basicGet(q, false).getEnvelope().getDeliveryTag();
                third = i == 2 ? tag : third;
            }
            ch.basicAck(third, true);
            ch.basicRecover(true); // only m3 is still unacked
            GetResponse r = ch.basicGet(q, true);
            assertThat(new String(r.getBody(), UTF_8)).isEqualTo("m3");
            assertThat(r.getEnvelope().isRedeliver()).isTrue();
            assertThat(r.getMessageCount()).isZero();
        }
    }

    @Test
    void recoverWithRequeueRedeliversUnackedMessages() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            Recorder consumer = new Recorder(ch);
            ch.basicConsume(q, false, consumer);
            ch.basicPublish("", q, null, "a".getBytes(UTF_8));
            ch.basicPublish("", q, null, "b".getBytes(UTF_8));
            assertThat(consumer.next())
                    .extracting(Delivered::body, Delivered::redelivered)
                    .containsExactly("a", false);
            assertThat(consumer.next())
                    .extracting(Delivered::body, Delivered::redelivered)
                    .containsExactly("b", false);
            ch.basicRecover(true);
            Delivered a = consumer.next();
            Delivered b = consumer.next();
            assertThat(List.of(a.body(), b.body())).containsExactly("a", "b");
            assertThat(a.redelivered() && b.redelivered()).isTrue();
            ch.basicAck(b.tag(), true);
            assertThat(ch.queueDeclarePassive(q).getMessageCount()).isZero();
        }
    }

    @Test
    void noAckConsumersNeedNoAcknowledgement() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = exclusiveQueue(ch); // not auto-delete: it outlives its consumer
            Recorder consumer = new Recorder(ch);
            ch.basicConsume(q, true, consumer);
            for (int i = 0; i < 20; i++) {
                ch.basicPublish("", q, null, ("m" + i).getBytes(UTF_8));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(consumer.next().body()).isEqualTo("m" + i);
            }
            ch.basicRecover(true); // nothing is unacked, so nothing comes back
            ch.close();
            assertThat(c.createChannel().queueDeclarePassive(q).getMessageCount())
                    .isZero();
            assertThat(consumer.deliveries).isEmpty();
        }
    }

    @Test
    void aHigherPriorityConsumerIsServedWhileItHasCapacity() throws Exception {
        try (Connection c = connect()) {
            Channel setup = c.createChannel();
            String q = setup.queueDeclare().getQueue();
            Channel high = c.createChannel();
            high.basicQos(2);
            Recorder highConsumer = new Recorder(high);
            high.basicConsume(q, false, "", false, false, Map.of("x-priority", 10), highConsumer);
            Channel low = c.createChannel();
            low.basicQos(10);
            Recorder lowConsumer = new Recorder(low);
            low.basicConsume(q, false, lowConsumer);

            for (int i = 0; i < 5; i++) {
                setup.basicPublish("", q, null, ("m" + i).getBytes(UTF_8));
            }
            List<String> toLow = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                toLow.add(lowConsumer.next().body());
            }
            assertThat(List.of(highConsumer.next().body(), highConsumer.next().body()))
                    .containsExactly("m0", "m1");
            assertThat(toLow).containsExactly("m2", "m3", "m4");
            assertThat(highConsumer.deliveries).isEmpty();
        }
    }

    private static String exclusiveQueue(Channel ch) throws IOException {
        return ch.queueDeclare(unique("it.q"), false, true, false, null).getQueue();
    }

    /** Publishes to {@code q} through the default exchange and waits for the broker to confirm every message. */
    private static void send(Channel ch, String q, String... bodies) throws Exception {
        ch.confirmSelect();
        for (String body : bodies) {
            ch.basicPublish("", q, null, body.getBytes(UTF_8));
        }
        ch.waitForConfirmsOrDie(5_000);
    }
}
