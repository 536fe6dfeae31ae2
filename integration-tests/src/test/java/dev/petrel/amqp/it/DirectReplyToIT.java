package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Direct reply-to: a requester consumes (without acknowledgements) from the pseudo-queue {@code amq.rabbitmq.reply-to}
 * and publishes requests whose reply_to names it; the responder sees a generated {@code amq.rabbitmq.reply-to.*} name
 * and publishes its answer to the default exchange with that routing key, straight to the requester's consumer.
 */
class DirectReplyToIT extends AmqpITSupport {
    private static final String REPLY_TO = "amq.rabbitmq.reply-to";

    /** A message as a consumer got it. */
    record Got(String body, AMQP.BasicProperties props, Envelope envelope) {}

    static final class Recorder extends DefaultConsumer {
        final BlockingQueue<Got> got = new LinkedBlockingQueue<>();

        Recorder(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
            got.add(new Got(new String(body, UTF_8), props, env));
        }

        Got next() throws InterruptedException {
            Got g = got.poll(5, SECONDS);
            assertThat(g).as("a delivery within 5s").isNotNull();
            return g;
        }
    }

    @Test
    void aRequestIsAnsweredThroughTheReplyToPseudoQueue() throws Exception {
        try (Connection requester = connect();
                Connection responder = connect()) {
            Channel server = responder.createChannel();
            String requests = server.queueDeclare(unique("it.rpc"), false, false, true, null)
                    .getQueue();
            Recorder incoming = new Recorder(server);
            server.basicConsume(requests, true, incoming);

            Channel client = requester.createChannel();
            Recorder replies = new Recorder(client);
            client.basicConsume(REPLY_TO, true, replies);
            AMQP.BasicProperties ask = new AMQP.BasicProperties.Builder()
                    .replyTo(REPLY_TO)
                    .correlationId("c-1")
                    .build();
            client.basicPublish("", requests, ask, "ping".getBytes(UTF_8));

            Got request = incoming.next();
            assertThat(request.body()).isEqualTo("ping");
            String replyTo = request.props().getReplyTo();
            assertThat(replyTo).startsWith(REPLY_TO + ".");
            AMQP.BasicProperties answer = new AMQP.BasicProperties.Builder()
                    .correlationId(request.props().getCorrelationId())
                    .build();
            server.basicPublish("", replyTo, answer, "pong".getBytes(UTF_8));

            Got reply = replies.next();
            assertThat(reply.body()).isEqualTo("pong");
            assertThat(reply.props().getCorrelationId()).isEqualTo("c-1");
            assertThat(reply.envelope().getExchange()).isEmpty();
            assertThat(reply.envelope().getRoutingKey()).isEqualTo(replyTo);
            assertThat(reply.envelope().isRedeliver()).isFalse();
            server.queueDelete(requests);
        }
    }

    @Test
    void severalRequestsGetTheirRepliesInOrderOnOneChannel() throws Exception {
        try (Connection c = connect()) {
            Channel server = c.createChannel();
            String requests = server.queueDeclare(unique("it.rpc"), false, false, true, null)
                    .getQueue();
            Recorder incoming = new Recorder(server);
            server.basicConsume(requests, true, incoming);
            Channel client = c.createChannel();
            Recorder replies = new Recorder(client);
            client.basicConsume(REPLY_TO, true, replies);
            AMQP.BasicProperties ask =
                    new AMQP.BasicProperties.Builder().replyTo(REPLY_TO).build();
            for (int i = 0; i < 3; i++) {
                client.basicPublish("", requests, ask, ("q" + i).getBytes(UTF_8));
            }
            for (int i = 0; i < 3; i++) {
                Got request = incoming.next();
                server.basicPublish("", request.props().getReplyTo(), null, ("a" + request.body()).getBytes(UTF_8));
            }
            assertThat(replies.next().body()).isEqualTo("aq0");
            assertThat(replies.next().body()).isEqualTo("aq1");
            assertThat(replies.next().body()).isEqualTo("aq2");
            server.queueDelete(requests);
        }
    }

    @Test
    void consumingWithAcknowledgementsIsRefused() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            assertThatThrownBy(() -> ch.basicConsume(REPLY_TO, false, new DefaultConsumer(ch)))
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertClose(e, 406, "PRECONDITION_FAILED - reply consumer cannot acknowledge"));
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void publishingWithReplyToBeforeConsumingIsRefused() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q =
                    ch.queueDeclare(unique("it.rpc"), false, false, true, null).getQueue();
            Channel publisher = c.createChannel();
            AMQP.BasicProperties ask =
                    new AMQP.BasicProperties.Builder().replyTo(REPLY_TO).build();
            assertThatThrownBy(() -> {
                        publisher.basicPublish("", q, ask, "orphan".getBytes(UTF_8));
                        publisher.basicQos(0); // a round trip, to see the asynchronous refusal
                    })
                    .satisfies(e -> assertClose(e, 406, "PRECONDITION_FAILED - fast reply consumer does not exist"));
            assertThat(ch.messageCount(q)).isZero();
            ch.queueDelete(q);
        }
    }

    /** Checks the channel.close behind an IOException, or an AlreadyClosedException if the close came in first. */
    private static void assertClose(Throwable e, int code, String text) {
        ShutdownSignalException signal =
                e instanceof ShutdownSignalException s ? s : (ShutdownSignalException) e.getCause();
        AMQP.Channel.Close close = (AMQP.Channel.Close) signal.getReason();
        assertThat(close.getReplyCode()).isEqualTo(code);
        assertThat(close.getReplyText()).isEqualTo(text);
    }
}
