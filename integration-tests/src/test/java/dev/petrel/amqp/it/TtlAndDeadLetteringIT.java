package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Message TTL (per queue and per message, including TTL 0) and dead-lettering on rejection, nack, expiry and max-length,
 * with the {@code x-death} and {@code x-first-death-*} headers the dead-lettered copy carries.
 */
class TtlAndDeadLetteringIT extends AmqpITSupport {

    @Test
    void queueTtlExpiresMessagesThatAreNeverDelivered() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch, Map.of("x-message-ttl", 50));
            send(ch, "", q, null, "old-1", "old-2", "old-3");
            awaitMessageCount(ch, q, 0);
            assertThat(ch.basicGet(q, true)).isNull();
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            ch.basicConsume(q, true, (tag, d) -> seen.add(new String(d.getBody(), UTF_8)), tag -> {});
            send(ch, "", q, null, "fresh");
            assertThat(seen.poll(5, SECONDS)).isEqualTo("fresh");
        }
    }

    @Test
    void perMessageExpirationDropsTheMessageAndTheLowerTtlWins() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = queue(ch, Map.of("x-message-ttl", 60_000));
            send(ch, "", q, expiring("20"), "short");
            send(ch, "", q, null, "kept");
            awaitMessageCount(ch, q, 1);
            GetResponse r = ch.basicGet(q, true);
            assertThat(new String(r.getBody(), UTF_8)).isEqualTo("kept");
            assertThat(r.getMessageCount()).isZero();
        }
    }

    @Test
    void ttlZeroReachesOnlyAReadyConsumer() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String dlq = queue(ch, null);
            String q = queue(ch, deadLetterTo("", dlq, Map.of("x-message-ttl", 0)));
            send(ch, "", q, null, "nobody-there");
            assertThat(ch.messageCount(q)).isZero();
            GetResponse dead = awaitGet(ch, dlq);
            assertThat(new String(dead.getBody(), UTF_8)).isEqualTo("nobody-there");
            assertThat(str(death(dead, 0).get("reason"))).isEqualTo("expired");

            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            ch.basicConsume(q, true, (tag, d) -> seen.add(new String(d.getBody(), UTF_8)), tag -> {});
            send(ch, "", q, null, "consumer-ready");
            assertThat(seen.poll(5, SECONDS)).isEqualTo("consumer-ready");
            assertThat(ch.messageCount(dlq)).isZero();
        }
    }

    @Test
    void aRejectedMessageIsDeadLetteredWithXDeath() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String dlx = exchange(ch);
            String dlq = queue(ch, null);
            ch.queueBind(dlq, dlx, "key");
            String src = exchange(ch);
            String q = queue(ch, deadLetterTo(dlx, null, Map.of()));
            ch.queueBind(q, src, "key");
            Map<String, Object> headers = new HashMap<>(Map.of("mine", "kept"));
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .messageId("m-1")
                    .contentType("text/plain")
                    .headers(headers)
                    .build();
            send(ch, src, "key", props, "body");
            GetResponse got = ch.basicGet(q, false);
            ch.basicReject(got.getEnvelope().getDeliveryTag(), false);

            GetResponse dead = awaitGet(ch, dlq);
            assertThat(new String(dead.getBody(), UTF_8)).isEqualTo("body");
            assertThat(dead.getEnvelope().getExchange()).isEqualTo(dlx);
            assertThat(dead.getEnvelope().getRoutingKey()).isEqualTo("key");
            assertThat(dead.getEnvelope().isRedeliver()).isFalse();
            assertThat(dead.getProps().getMessageId()).isEqualTo("m-1");
            assertThat(dead.getProps().getContentType()).isEqualTo("text/plain");
            assertThat(str(dead.getProps().getHeaders().get("mine"))).isEqualTo("kept");
            assertThat(deaths(dead)).hasSize(1);
            Map<String, Object> death = death(dead, 0);
            assertThat(death.get("count")).isEqualTo(1L);
            assertThat(str(death.get("reason"))).isEqualTo("rejected");
            assertThat(str(death.get("queue"))).isEqualTo(q);
            assertThat(str(death.get("exchange"))).isEqualTo(src);
            assertThat(strings(death.get("routing-keys"))).containsExactly("key");
            assertThat(death.get("time")).isInstanceOf(Date.class);
            assertThat(death).doesNotContainKey("original-expiration");
            Map<String, Object> h = dead.getProps().getHeaders();
            assertThat(str(h.get("x-first-death-exchange"))).isEqualTo(src);
            assertThat(str(h.get("x-first-death-queue"))).isEqualTo(q);
            assertThat(str(h.get("x-first-death-reason"))).isEqualTo("rejected");
            ch.exchangeDelete(src);
            ch.exchangeDelete(dlx);
        }
    }

    @Test
    void aNackedMessageTakesTheDeadLetterRoutingKey() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String dlq = queue(ch, null);
            String q = queue(ch, deadLetterTo("", dlq, Map.of()));
            send(ch, "", q, null, "a", "b");
            ch.basicGet(q, false);
            long second = ch.basicGet(q, false).getEnvelope().getDeliveryTag();
            ch.basicNack(second, true, false);

            for (String body : List.of("a", "b")) {
                GetResponse dead = awaitGet(ch, dlq);
                assertThat(new String(dead.getBody(), UTF_8)).isEqualTo(body);
                assertThat(dead.getEnvelope().getExchange()).isEmpty();
                assertThat(dead.getEnvelope().getRoutingKey()).isEqualTo(dlq);
                assertThat(str(death(dead, 0).get("reason"))).isEqualTo("rejected");
                assertThat(str(death(dead, 0).get("exchange"))).isEmpty();
                assertThat(strings(death(dead, 0).get("routing-keys"))).containsExactly(q);
            }
            assertThat(ch.messageCount(q)).isZero();
        }
    }

    @Test
    void anExpiredMessageIsDeadLetteredWithItsOriginalExpiration() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String dlq = queue(ch, null);
            String q = queue(ch, deadLetterTo("", dlq, Map.of()));
            send(ch, "", q, expiring("30"), "short-lived");
            GetResponse dead = awaitGet(ch, dlq);
            assertThat(new String(dead.getBody(), UTF_8)).isEqualTo("short-lived");
            assertThat(dead.getProps().getExpiration()).isNull();
            Map<String, Object> death = death(dead, 0);
            assertThat(str(death.get("reason"))).isEqualTo("expired");
            assertThat(str(death.get("queue"))).isEqualTo(q);
            assertThat(str(death.get("original-expiration"))).isEqualTo("30");
            assertThat(death.get("count")).isEqualTo(1L);
            assertThat(str(dead.getProps().getHeaders().get("x-first-death-reason")))
                    .isEqualTo("expired");
        }
    }

    @Test
    void theHeadDroppedByMaxLengthIsDeadLettered() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String dlq = queue(ch, null);
            String q = queue(ch, deadLetterTo("", dlq, Map.of("x-max-length", 1)));
            send(ch, "", q, null, "first", "second");
            GetResponse dead = awaitGet(ch, dlq);
            assertThat(new String(dead.getBody(), UTF_8)).isEqualTo("first");
            assertThat(str(death(dead, 0).get("reason"))).isEqualTo("maxlen");
            assertThat(str(death(dead, 0).get("queue"))).isEqualTo(q);
            assertThat(str(dead.getProps().getHeaders().get("x-first-death-reason")))
                    .isEqualTo("maxlen");
            assertThat(new String(ch.basicGet(q, true).getBody(), UTF_8)).isEqualTo("second");
        }
    }

    @Test
    void deadLetteredTwiceThroughTheSameQueueCountsTwo() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = unique("it.q");
            String parking = unique("it.parking");
            ch.queueDeclare(parking, false, true, false, deadLetterTo("", q, Map.of("x-message-ttl", 10)));
            queue(ch, q, deadLetterTo("", parking, Map.of()));
            send(ch, "", q, null, "bounced");
            ch.basicReject(ch.basicGet(q, false).getEnvelope().getDeliveryTag(), false);
            GetResponse back = awaitGet(ch, q); // rejected into parking, expired back into q
            ch.basicReject(back.getEnvelope().getDeliveryTag(), false);
            GetResponse again = awaitGet(ch, q);

            List<Map<String, Object>> deaths = deaths(again);
            assertThat(deaths).hasSize(2);
            assertThat(str(deaths.get(0).get("queue"))).isEqualTo(parking);
            assertThat(str(deaths.get(0).get("reason"))).isEqualTo("expired");
            assertThat(deaths.get(0).get("count")).isEqualTo(2L);
            assertThat(str(deaths.get(1).get("queue"))).isEqualTo(q);
            assertThat(str(deaths.get(1).get("reason"))).isEqualTo("rejected");
            assertThat(deaths.get(1).get("count")).isEqualTo(2L);
            Map<String, Object> h = again.getProps().getHeaders();
            assertThat(str(h.get("x-first-death-queue"))).isEqualTo(q);
            assertThat(str(h.get("x-first-death-reason"))).isEqualTo("rejected");
            ch.basicAck(again.getEnvelope().getDeliveryTag(), false);
            ch.queueDelete(parking);
            ch.queueDelete(q);
        }
    }

    @Test
    void aDeadLetterCycleWithoutARejectionDropsTheMessage() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String a = unique("it.cycle-a");
            String b = unique("it.cycle-b");
            // each expires at once into the other, through the default exchange: a cycle no client breaks
            queue(ch, a, deadLetterTo("", b, Map.of("x-message-ttl", 0)));
            queue(ch, b, deadLetterTo("", a, Map.of("x-message-ttl", 0)));
            send(ch, "", a, null, "round and round");
            awaitMessageCount(ch, a, 0);
            awaitMessageCount(ch, b, 0);
            assertThat(ch.isOpen()).isTrue();
            ch.queueDelete(a);
            ch.queueDelete(b);
        }
    }

    private static AMQP.BasicProperties expiring(String millis) {
        return new AMQP.BasicProperties.Builder().expiration(millis).build();
    }

    private static Map<String, Object> deadLetterTo(String exchange, String routingKey, Map<String, Object> more) {
        Map<String, Object> args = new HashMap<>(more);
        args.put("x-dead-letter-exchange", exchange);
        if (routingKey != null) {
            args.put("x-dead-letter-routing-key", routingKey);
        }
        return args;
    }

    private static String queue(Channel ch, Map<String, Object> args) throws IOException {
        return queue(ch, unique("it.q"), args);
    }

    private static String queue(Channel ch, String name, Map<String, Object> args) throws IOException {
        return ch.queueDeclare(name, false, true, false, args).getQueue();
    }

    private static String exchange(Channel ch) throws IOException {
        String x = unique("it.x");
        ch.exchangeDeclare(x, "direct", false, false, null);
        return x;
    }

    /** Publishes through {@code exchange} and waits for the broker to confirm every message. */
    private static void send(Channel ch, String exchange, String key, AMQP.BasicProperties props, String... bodies)
            throws Exception {
        ch.confirmSelect();
        for (String body : bodies) {
            ch.basicPublish(exchange, key, props, body.getBytes(UTF_8));
        }
        ch.waitForConfirmsOrDie(5_000);
    }

    /** Fetches (unacknowledged) the next message of {@code q}, waiting up to 5s for one to arrive. */
    private static GetResponse awaitGet(Channel ch, String q) throws Exception {
        for (int i = 0; i < 500; i++) {
            GetResponse r = ch.basicGet(q, false);
            if (r != null) {
                return r;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no message in " + q + " within 5s");
    }

    private static void awaitMessageCount(Channel ch, String q, long expected) throws Exception {
        for (int i = 0; i < 500 && ch.messageCount(q) != expected; i++) {
            Thread.sleep(10);
        }
        assertThat(ch.messageCount(q)).isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deaths(GetResponse r) {
        assertThat(r.getProps().getHeaders()).containsKey("x-death");
        return (List<Map<String, Object>>) r.getProps().getHeaders().get("x-death");
    }

    private static Map<String, Object> death(GetResponse r, int index) {
        return deaths(r).get(index);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object array) {
        return ((List<?>) array).stream().map(Object::toString).toList();
    }
}
