package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Single active consumer ({@code x-single-active-consumer}): of all the consumers on such a queue only the first one
 * registered receives; when it goes away (basic.cancel or its channel closing) the next one in registration order takes
 * over, and the messages the old one had not acknowledged are requeued to the new one.
 */
class SingleActiveConsumerIT extends AmqpITSupport {

    /** Records the bodies (and redelivered flags) it is given, without acknowledging them. */
    static final class Recorder extends DefaultConsumer {
        final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> redelivered = new LinkedBlockingQueue<>();

        Recorder(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
            redelivered.add(env.isRedeliver());
            bodies.add(new String(body, UTF_8));
        }

        String next() throws InterruptedException {
            String body = bodies.poll(5, SECONDS);
            assertThat(body).as("a delivery within 5s").isNotNull();
            return body;
        }

        /** True if nothing arrives for a short while (used after a message the active consumer was seen to get). */
        boolean quiet() throws InterruptedException {
            return bodies.poll(200, MILLISECONDS) == null;
        }
    }

    private static String declareSac(Channel ch) throws IOException {
        String q = unique("it.sac");
        ch.queueDeclare(q, false, false, true, Map.of("x-single-active-consumer", true));
        return q;
    }

    private static void publish(Channel ch, String q, String... bodies) throws IOException {
        for (String body : bodies) {
            ch.basicPublish("", q, null, body.getBytes(UTF_8));
        }
    }

    @Test
    void onlyTheFirstConsumerReceives() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = declareSac(ch);
            Recorder first = new Recorder(ch);
            Recorder second = new Recorder(c.createChannel());
            ch.basicConsume(q, true, first);
            second.getChannel().basicConsume(q, true, second);
            publish(ch, q, "m1", "m2", "m3", "m4");
            assertThat(first.next()).isEqualTo("m1");
            assertThat(first.next()).isEqualTo("m2");
            assertThat(first.next()).isEqualTo("m3");
            assertThat(first.next()).isEqualTo("m4");
            assertThat(second.quiet()).isTrue();
            ch.queueDelete(q);
        }
    }

    @Test
    void cancellingTheActiveConsumerHandsOverInRegistrationOrder() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = declareSac(ch);
            Recorder a = new Recorder(c.createChannel());
            Recorder b = new Recorder(c.createChannel());
            Recorder d = new Recorder(c.createChannel());
            String tagA = a.getChannel().basicConsume(q, true, a);
            String tagB = b.getChannel().basicConsume(q, true, b);
            d.getChannel().basicConsume(q, true, d);

            publish(ch, q, "to-a");
            assertThat(a.next()).isEqualTo("to-a");

            a.getChannel().basicCancel(tagA);
            publish(ch, q, "to-b");
            assertThat(b.next()).isEqualTo("to-b");

            b.getChannel().basicCancel(tagB);
            publish(ch, q, "to-d");
            assertThat(d.next()).isEqualTo("to-d");
            assertThat(a.quiet()).isTrue();
            assertThat(b.quiet()).isTrue();
            ch.queueDelete(q);
        }
    }

    @Test
    void closingTheActiveConsumersChannelHandsOver() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = declareSac(ch);
            Recorder a = new Recorder(c.createChannel());
            Recorder b = new Recorder(c.createChannel());
            a.getChannel().basicConsume(q, true, a);
            b.getChannel().basicConsume(q, true, b);
            publish(ch, q, "one");
            assertThat(a.next()).isEqualTo("one");
            assertThat(b.quiet()).isTrue();

            a.getChannel().close();
            publish(ch, q, "two");
            assertThat(b.next()).isEqualTo("two");
            ch.queueDelete(q);
        }
    }

    @Test
    void unackedMessagesOfTheOldActiveConsumerGoToTheNewOneInOrder() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = declareSac(ch);
            Recorder a = new Recorder(c.createChannel());
            Recorder b = new Recorder(c.createChannel());
            a.getChannel().basicConsume(q, false, a);
            b.getChannel().basicConsume(q, false, b);
            publish(ch, q, "u1", "u2", "u3");
            assertThat(a.next()).isEqualTo("u1");
            assertThat(a.next()).isEqualTo("u2");
            assertThat(a.next()).isEqualTo("u3");
            assertThat(a.redelivered).containsExactly(false, false, false);
            assertThat(b.quiet()).isTrue();

            a.getChannel().close();
            assertThat(b.next()).isEqualTo("u1");
            assertThat(b.next()).isEqualTo("u2");
            assertThat(b.next()).isEqualTo("u3");
            assertThat(b.redelivered).containsExactly(true, true, true);
            ch.queueDelete(q);
        }
    }

    @Test
    void theNextConnectionsConsumerTakesOverWhenTheActiveConnectionCloses() throws Exception {
        try (Connection second = connect()) {
            Recorder b = new Recorder(second.createChannel());
            String q;
            try (Connection first = connect()) {
                Channel ch = first.createChannel();
                q = declareSac(ch);
                Recorder a = new Recorder(ch);
                ch.basicConsume(q, true, a);
                b.getChannel().basicConsume(q, true, b);
                publish(ch, q, "x");
                assertThat(a.next()).isEqualTo("x");
                assertThat(b.quiet()).isTrue();
            }
            Channel other = second.createChannel();
            publish(other, q, "y");
            assertThat(b.next()).isEqualTo("y");
            other.queueDelete(q);
        }
    }
}
