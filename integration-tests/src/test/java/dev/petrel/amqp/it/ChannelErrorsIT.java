package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.petrel.amqp.it.AmqpFuzzIT.Args;
import dev.petrel.amqp.it.AmqpFuzzIT.Close;
import dev.petrel.amqp.it.AmqpFuzzIT.Raw;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Errors and their scope: a soft error (404, 403, 405, 406) closes only its channel and the connection carries on; a
 * hard error (503, 504) closes the connection. Redeclaring {@code amq.direct} as it is is allowed; only a new
 * {@code amq.} name is refused with 403, as RabbitMQ does. Codes and texts are RabbitMQ 3.10's. Frames the Java client will not
 * send (a method on a channel never opened or already closed) go through {@link AmqpFuzzIT.Raw}.
 */
class ChannelErrorsIT extends AmqpITSupport {

    interface ChannelOp {
        void run(Channel ch) throws Exception;
    }

    @Test
    void publishingToAMissingExchangeIs404() throws Exception {
        try (Connection c = connect()) {
            String ex = unique("it.missing");
            assertChannelError(
                    c,
                    ch -> ch.basicPublish(ex, "k", null, "x".getBytes(UTF_8)),
                    404,
                    "NOT_FOUND - no exchange '" + ex + "' in vhost '/'");
        }
    }

    @Test
    void bindingAMissingQueueOrExchangeIs404() throws Exception {
        try (Connection c = connect()) {
            String q = unique("it.missing");
            String ex = unique("it.missing");
            assertChannelError(
                    c, ch -> ch.queueBind(q, "amq.direct", "k"), 404, "NOT_FOUND - no queue '" + q + "' in vhost '/'");
            String real = c.createChannel().queueDeclare().getQueue();
            assertChannelError(
                    c, ch -> ch.queueBind(real, ex, "k"), 404, "NOT_FOUND - no exchange '" + ex + "' in vhost '/'");
        }
    }

    @Test
    void theAmqPrefixAndTheDefaultExchangeAreReserved() throws Exception {
        try (Connection c = connect()) {
            c.createChannel().exchangeDeclarePassive("amq.direct");
            c.createChannel().exchangeDeclare("amq.direct", "direct", true); // an equivalent redeclare is allowed
            String inequivalent = "PRECONDITION_FAILED - inequivalent arg ";
            assertChannelError(
                    c,
                    ch -> ch.exchangeDeclare("amq.direct", "direct", false),
                    406,
                    inequivalent + "'durable' for exchange 'amq.direct' in vhost '/': received 'false' but current is"
                            + " 'true'");
            assertChannelError(
                    c,
                    ch -> ch.exchangeDeclare("amq.direct", "fanout", true),
                    406,
                    inequivalent + "'type' for exchange 'amq.direct' in vhost '/': received 'fanout' but current is"
                            + " 'direct'");
            String ex = "amq." + unique("it");
            assertChannelError(
                    c,
                    ch -> ch.exchangeDeclare(ex, "direct"),
                    403,
                    "ACCESS_REFUSED - exchange name '" + ex + "' contains reserved prefix 'amq.*'");
            String q = "amq." + unique("it");
            assertChannelError(
                    c,
                    ch -> ch.queueDeclare(q, false, true, true, null),
                    403,
                    "ACCESS_REFUSED - queue name '" + q + "' contains reserved prefix 'amq.*'");
            String real = c.createChannel().queueDeclare().getQueue();
            assertChannelError(
                    c,
                    ch -> ch.queueBind(real, "", "k"),
                    403,
                    "ACCESS_REFUSED - operation not permitted on the default exchange");
        }
    }

    @Test
    void anotherConnectionsExclusiveQueueIs405() throws Exception {
        try (Connection owner = connect();
                Connection c = connect()) {
            String q = owner.createChannel()
                    .queueDeclare(unique("it.excl"), false, true, false, null)
                    .getQueue();
            assertChannelError(
                    c,
                    ch -> ch.queuePurge(q),
                    405,
                    "RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '" + q + "' in vhost '/'."
                            + " It could be originally declared on another connection or the exclusive property"
                            + " value does not match that of the original declaration.");
        }
    }

    @Test
    void ackingAnUnknownDeliveryTagIs406() throws Exception {
        try (Connection c = connect()) {
            assertChannelError(c, ch -> ch.basicAck(42, false), 406, "PRECONDITION_FAILED - unknown delivery tag 42");
        }
    }

    @Test
    void anUnknownExchangeTypeIsAConnectionError503() throws Exception {
        Connection c = connect();
        try {
            BlockingQueue<ShutdownSignalException> closed = new LinkedBlockingQueue<>();
            c.addShutdownListener(closed::add);
            Channel ch = c.createChannel();
            String ex = unique("it.ex");
            try {
                ch.exchangeDeclare(ex, "foo");
            } catch (IOException expected) {
                // the reason arrives through the listener too
            }
            ShutdownSignalException signal = closed.poll(5, SECONDS);
            assertThat(signal).isNotNull();
            assertThat(signal.isHardError()).isTrue();
            AMQP.Connection.Close close = (AMQP.Connection.Close) signal.getReason();
            assertThat(close.getReplyCode()).isEqualTo(503);
            assertThat(close.getReplyText()).isEqualTo("COMMAND_INVALID - invalid exchange type 'foo'");
            assertThat(c.isOpen()).isFalse();
        } finally {
            c.abort(); // quiet when the broker already closed it
        }
    }

    @Test
    void aMethodOnAChannelNeverOpenedIs504() throws Exception {
        try (Raw raw = new Raw(host(), port()).handshake()) {
            raw.method(7, 50, 10, new Args().u16(0).shortStr("q").u8(0).u32(0));
            Close close = raw.awaitConnectionClose();
            assertThat(close).isEqualTo(new Close(504, "CHANNEL_ERROR - expected 'channel.open'", 50, 10));
            assertThat(raw.read()).isNull();
        }
    }

    @Test
    void openingAnOpenChannelIs504() throws Exception {
        try (Raw raw = new Raw(host(), port()).handshake().openChannel(3)) {
            raw.method(3, 20, 10, new Args().shortStr(""));
            Close close = raw.awaitConnectionClose();
            assertThat(close).isEqualTo(new Close(504, "CHANNEL_ERROR - second 'channel.open' seen", 20, 10));
            assertThat(raw.read()).isNull();
        }
    }

    @Test
    void aMethodOnAClosedChannelIs504() throws Exception {
        try (Raw raw = new Raw(host(), port()).handshake().openChannel(2)) {
            raw.method(2, 20, 40, new Args().u16(200).shortStr("bye").u16(0).u16(0));
            raw.expect(20, 41);
            raw.method(2, 50, 10, new Args().u16(0).shortStr("q").u8(0).u32(0));
            Close close = raw.awaitConnectionClose();
            assertThat(close).isEqualTo(new Close(504, "CHANNEL_ERROR - expected 'channel.open'", 50, 10));
            assertThat(raw.read()).isNull();
        }
    }

    @Test
    void theConnectionWorksAfterChannelErrors() throws Exception {
        try (Connection c = connect()) {
            assertChannelError(c, ch -> ch.basicAck(1, false), 406, "PRECONDITION_FAILED - unknown delivery tag 1");
            assertChannelError(
                    c,
                    ch -> ch.queueDeclarePassive("it.never-declared"),
                    404,
                    "NOT_FOUND - no queue 'it.never-declared' in vhost '/'");
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            ch.confirmSelect();
            ch.basicPublish("", q, null, "still here".getBytes(UTF_8));
            ch.waitForConfirmsOrDie(5_000);
            assertThat(new String(ch.basicGet(q, true).getBody(), UTF_8)).isEqualTo("still here");
        }
    }

    /**
     * Runs {@code op} on a fresh channel and asserts the broker closes that channel (and only it) with {@code code} and
     * {@code text}, whether {@code op} waits for a reply or not; then that a new channel on the connection works.
     */
    private static void assertChannelError(Connection c, ChannelOp op, int code, String text) throws Exception {
        Channel ch = c.createChannel();
        BlockingQueue<ShutdownSignalException> closed = new LinkedBlockingQueue<>();
        ch.addShutdownListener(closed::add);
        try {
            op.run(ch);
        } catch (IOException expected) {
            // a synchronous method fails here; the reason also reaches the listener
        }
        ShutdownSignalException signal = closed.poll(5, SECONDS);
        assertThat(signal).as("channel closed within 5s").isNotNull();
        assertThat(signal.isHardError())
                .as("a channel error, not a connection error")
                .isFalse();
        AMQP.Channel.Close close = (AMQP.Channel.Close) signal.getReason();
        assertThat(close.getReplyCode()).isEqualTo(code);
        assertThat(close.getReplyText()).isEqualTo(text);
        assertThat(c.isOpen()).isTrue();
        Channel next = c.createChannel();
        next.exchangeDeclarePassive("amq.fanout");
        next.close();
    }
}
