package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Exchange routing: direct, fanout, topic and headers exchanges, the default exchange, exchange-to-exchange bindings,
 * alternate exchanges and unbinding. Each test publishes, then drains its queues with basic.get after a publisher
 * confirm, so a message routed nowhere and a message routed twice are both visible.
 */
class ExchangeRoutingIT extends AmqpITSupport {

    @Test
    void directRoutesByExactKeyAndAQueueBoundTwiceGetsOneCopy() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String ex = declareExchange(ch, "direct");
            String q = tempQueue(ch);
            ch.queueBind(q, ex, "red");
            ch.queueBind(q, ex, "green");
            ch.queueBind(q, ex, "green"); // same binding again is a no-op
            String other = tempQueue(ch);
            ch.queueBind(other, ex, "green");

            publish(ch, ex, "red", "1");
            publish(ch, ex, "green", "2");
            publish(ch, ex, "blue", "3");
            publish(ch, ex, "Red", "4");

            assertThat(drain(ch, q)).containsExactly("1", "2");
            assertThat(drain(ch, other)).containsExactly("2");
            ch.exchangeDelete(ex);
        }
    }

    @Test
    void fanoutIgnoresTheRoutingKey() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String ex = declareExchange(ch, "fanout");
            String a = tempQueue(ch);
            String b = tempQueue(ch);
            ch.queueBind(a, ex, "");
            ch.queueBind(b, ex, "whatever");

            publish(ch, ex, "x", "1");
            publish(ch, ex, "", "2");

            assertThat(drain(ch, a)).containsExactly("1", "2");
            assertThat(drain(ch, b)).containsExactly("1", "2");
            ch.exchangeDelete(ex);
        }
    }

    @Test
    void topicMatchesStarAndHashIncludingEmptyWords() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String ex = declareExchange(ch, "topic");
            String q1 = tempQueue(ch);
            String q2 = tempQueue(ch);
            String all = tempQueue(ch);
            String empty = tempQueue(ch);
            ch.queueBind(q1, ex, "*.orange.*");
            ch.queueBind(q2, ex, "*.*.rabbit");
            ch.queueBind(q2, ex, "lazy.#");
            ch.queueBind(all, ex, "#");
            ch.queueBind(empty, ex, "a..b");
            ch.queueBind(empty, ex, "x.*.y");

            String[] keys = {
                "quick.orange.rabbit",
                "lazy.orange.elephant",
                "quick.orange.fox",
                "lazy.brown.fox",
                "lazy.pink.rabbit",
                "quick.brown.fox",
                "orange",
                "quick.orange.male.rabbit",
                "lazy.orange.male.rabbit",
                "lazy",
                "",
                "a..b",
                "x..y",
                "a.b"
            };
            for (String key : keys) {
                publish(ch, ex, key, key);
            }

            assertThat(drain(ch, q1))
                    .containsExactly("quick.orange.rabbit", "lazy.orange.elephant", "quick.orange.fox");
            assertThat(drain(ch, q2))
                    .containsExactly(
                            "quick.orange.rabbit",
                            "lazy.orange.elephant",
                            "lazy.brown.fox",
                            "lazy.pink.rabbit",
                            "lazy.orange.male.rabbit",
                            "lazy");
            assertThat(drain(ch, all)).containsExactly(keys);
            assertThat(drain(ch, empty)).containsExactly("a..b", "x..y");
            ch.exchangeDelete(ex);
        }
    }

    @Test
    void headersMatchAllOrAnyAndIgnoreXKeys() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String ex = declareExchange(ch, "headers");
            String all = tempQueue(ch);
            String any = tempQueue(ch);
            String noArgs = tempQueue(ch);
            ch.queueBind(all, ex, "", Map.of("x-match", "all", "format", "pdf", "type", "report"));
            ch.queueBind(any, ex, "", Map.of("x-match", "any", "format", "zip", "type", "log", "x-ignored", "y"));
            ch.queueBind(noArgs, ex, "");

            publishHeaders(ch, ex, "1", Map.of("format", "pdf", "type", "report"));
            publishHeaders(ch, ex, "2", Map.of("format", "pdf", "type", "report", "extra", 1));
            publishHeaders(ch, ex, "3", Map.of("format", "pdf"));
            publishHeaders(ch, ex, "4", Map.of("type", "log"));
            publishHeaders(ch, ex, "5", Map.of("x-ignored", "y"));
            publishHeaders(ch, ex, "6", Map.of());

            assertThat(drain(ch, all)).containsExactly("1", "2");
            assertThat(drain(ch, any)).containsExactly("4");
            // no arguments means x-match all over zero headers: everything matches
            assertThat(drain(ch, noArgs)).containsExactly("1", "2", "3", "4", "5", "6");
            ch.exchangeDelete(ex);
        }
    }

    @Test
    void defaultExchangeRoutesByQueueName() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String q = tempQueue(ch);
            publish(ch, "", q, "1");
            publish(ch, "", q + "-missing", "2");
            assertThat(drain(ch, q)).containsExactly("1");
        }
    }

    @Test
    void exchangeToExchangeBindingsDeliverOnceAndCyclesDoNotLoop() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String a = declareExchange(ch, "fanout");
            String b = declareExchange(ch, "fanout");
            String d = declareExchange(ch, "direct");
            ch.exchangeBind(b, a, "");
            ch.exchangeBind(a, b, ""); // cycle a -> b -> a
            ch.exchangeBind(d, a, "k");
            String q = tempQueue(ch);
            ch.queueBind(q, a, "");
            ch.queueBind(q, b, "");
            ch.queueBind(q, d, "k");
            String onlyD = tempQueue(ch);
            ch.queueBind(onlyD, d, "k");

            publish(ch, a, "k", "1");
            publish(ch, b, "other", "2");

            assertThat(drain(ch, q)).containsExactly("1", "2");
            assertThat(drain(ch, onlyD)).containsExactly("1");

            ch.exchangeUnbind(b, a, ""); // a -> b gone; b -> a -> d remains
            publish(ch, b, "k", "3");
            assertThat(drain(ch, q)).containsExactly("3");
            assertThat(drain(ch, onlyD)).containsExactly("3");
            for (String ex : List.of(a, b, d)) {
                ch.exchangeDelete(ex);
            }
        }
    }

    @Test
    void alternateExchangeTakesUnroutableMessages() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String ae = declareExchange(ch, "fanout");
            String ex = unique("it.ex");
            ch.exchangeDeclare(ex, "direct", false, true, Map.of("alternate-exchange", ae));
            String routed = tempQueue(ch);
            String unrouted = tempQueue(ch);
            ch.queueBind(routed, ex, "known");
            ch.queueBind(unrouted, ae, "");

            publish(ch, ex, "known", "1");
            publish(ch, ex, "unknown", "2");

            assertThat(drain(ch, routed)).containsExactly("1");
            assertThat(drain(ch, unrouted)).containsExactly("2");
            ch.exchangeDelete(ex);
            ch.exchangeDelete(ae);
        }
    }

    @Test
    void unbindStopsRoutingAndUnbindingAnAbsentBindingIsFine() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String ex = unique("it.ex");
            ch.exchangeDeclare(ex, "direct", false, false, null);
            String q = tempQueue(ch);
            ch.queueBind(q, ex, "k");
            publish(ch, ex, "k", "1");
            ch.queueUnbind(q, ex, "k");
            ch.queueUnbind(q, ex, "never-bound");
            publish(ch, ex, "k", "2");
            assertThat(drain(ch, q)).containsExactly("1");
            ch.exchangeDelete(ex);
        }
    }

    @Test
    void anAutoDeleteExchangeGoesWithItsLastBinding() throws Exception {
        try (Connection c = connect()) {
            Channel ch = confirming(c);
            String ex = declareExchange(ch, "direct");
            String q = tempQueue(ch);
            ch.queueBind(q, ex, "a");
            ch.queueBind(q, ex, "b");
            ch.queueUnbind(q, ex, "a");
            ch.exchangeDeclarePassive(ex);
            ch.queueUnbind(q, ex, "b");
            assertThatThrownBy(() -> ch.exchangeDeclarePassive(ex))
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(closeOf(e).getReplyText())
                            .isEqualTo("NOT_FOUND - no exchange '" + ex + "' in vhost '/'"));
        }
    }

    private static Channel confirming(Connection c) throws IOException {
        Channel ch = c.createChannel();
        ch.confirmSelect();
        return ch;
    }

    private static String declareExchange(Channel ch, String type) throws IOException {
        String name = unique("it.ex");
        ch.exchangeDeclare(name, type, false, true, null);
        return name;
    }

    private static String tempQueue(Channel ch) throws IOException {
        return ch.queueDeclare(unique("it.q"), false, true, true, null).getQueue();
    }

    private static void publish(Channel ch, String ex, String key, String body)
            throws IOException, InterruptedException, TimeoutException {
        ch.basicPublish(ex, key, null, body.getBytes(UTF_8));
        ch.waitForConfirmsOrDie(5_000);
    }

    private static void publishHeaders(Channel ch, String ex, String body, Map<String, Object> headers)
            throws IOException, InterruptedException, TimeoutException {
        AMQP.BasicProperties props =
                new AMQP.BasicProperties.Builder().headers(headers).build();
        ch.basicPublish(ex, "", props, body.getBytes(UTF_8));
        ch.waitForConfirmsOrDie(5_000);
    }

    private static AMQP.Channel.Close closeOf(Throwable e) {
        return (AMQP.Channel.Close) ((ShutdownSignalException) e.getCause()).getReason();
    }

    /** Every message now in {@code queue}, in order, acknowledged on the way. */
    static List<String> drain(Channel ch, String queue) throws IOException {
        List<String> bodies = new ArrayList<>();
        GetResponse r;
        while ((r = ch.basicGet(queue, true)) != null) {
            bodies.add(new String(r.getBody(), UTF_8));
        }
        return bodies;
    }
}
