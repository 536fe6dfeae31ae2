package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Transactions: tx.select, tx.commit and tx.rollback. Publishes and acknowledgements made in a transaction take effect
 * on commit and are discarded on rollback; a channel is either transactional or in confirm mode, never both.
 */
class TransactionsIT extends AmqpITSupport {

    @Test
    void publishesAreInvisibleUntilCommit() throws Exception {
        try (Connection c = connect()) {
            Channel observer = c.createChannel();
            String q = queue(observer);
            Channel tx = c.createChannel();
            tx.txSelect();
            tx.basicPublish("", q, null, "1".getBytes(UTF_8));
            tx.basicPublish("", q, null, "2".getBytes(UTF_8));
            tx.queueDeclarePassive(q); // a round trip on the publishing channel: the publishes were received
            assertThat(observer.messageCount(q)).isZero();
            tx.txCommit();
            assertThat(observer.messageCount(q)).isEqualTo(2);
            assertThat(body(observer.basicGet(q, true))).isEqualTo("1");
            assertThat(body(observer.basicGet(q, true))).isEqualTo("2");
        }
    }

    @Test
    void rollbackDiscardsPublishesAndTheChannelStaysTransactional() throws Exception {
        try (Connection c = connect()) {
            Channel observer = c.createChannel();
            String q = queue(observer);
            Channel tx = c.createChannel();
            tx.txSelect();
            tx.basicPublish("", q, null, "discarded".getBytes(UTF_8));
            tx.txRollback();
            assertThat(observer.messageCount(q)).isZero();
            tx.basicPublish("", q, null, "kept".getBytes(UTF_8));
            tx.queueDeclarePassive(q);
            assertThat(observer.messageCount(q)).isZero();
            tx.txCommit();
            assertThat(body(observer.basicGet(q, true))).isEqualTo("kept");
            assertThat(observer.messageCount(q)).isZero();
        }
    }

    @Test
    void anAckInATransactionTakesEffectOnCommit() throws Exception {
        try (Connection c = connect()) {
            Channel observer = c.createChannel();
            String q = queue(observer);
            send(c, q, "1", "2");
            Channel tx = c.createChannel();
            tx.txSelect();
            GetResponse first = tx.basicGet(q, false);
            tx.basicAck(first.getEnvelope().getDeliveryTag(), false);
            tx.txCommit();
            tx.close(); // nothing unacknowledged is left to requeue
            assertThat(observer.messageCount(q)).isEqualTo(1);
            GetResponse rest = observer.basicGet(q, true);
            assertThat(body(rest)).isEqualTo("2");
            assertThat(rest.getEnvelope().isRedeliver()).isFalse();
        }
    }

    @Test
    void aRolledBackAckLeavesTheMessageUnacknowledged() throws Exception {
        try (Connection c = connect()) {
            Channel observer = c.createChannel();
            String q = queue(observer);
            send(c, q, "1");
            Channel tx = c.createChannel();
            tx.txSelect();
            GetResponse first = tx.basicGet(q, false);
            tx.basicAck(first.getEnvelope().getDeliveryTag(), false);
            tx.txRollback();
            assertThat(observer.messageCount(q)).as("still held by the channel").isZero();
            tx.close(); // the unacknowledged message is requeued
            GetResponse again = observer.basicGet(q, true);
            assertThat(body(again)).isEqualTo("1");
            assertThat(again.getEnvelope().isRedeliver()).isTrue();
        }
    }

    @Test
    void closingAChannelDiscardsItsUncommittedWork() throws Exception {
        try (Connection c = connect()) {
            Channel observer = c.createChannel();
            String q = queue(observer);
            send(c, q, "held");
            Channel tx = c.createChannel();
            tx.txSelect();
            tx.basicAck(tx.basicGet(q, false).getEnvelope().getDeliveryTag(), false);
            tx.basicPublish("", q, null, "uncommitted".getBytes(UTF_8));
            tx.close();
            assertThat(observer.messageCount(q)).isEqualTo(1);
            GetResponse r = observer.basicGet(q, true);
            assertThat(body(r)).isEqualTo("held");
            assertThat(r.getEnvelope().isRedeliver()).isTrue();
        }
    }

    @Test
    void txSelectTwiceIsFine() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            assertThat(ch.txSelect()).isNotNull();
            assertThat(ch.txSelect()).isNotNull();
            assertThat(ch.txCommit()).isNotNull();
            assertThat(ch.isOpen()).isTrue();
        }
    }

    @Test
    void confirmSelectOnATransactionalChannelIsRefused() throws Exception {
        try (Connection c = connect()) {
            assertChannelClose(
                    c,
                    ch -> {
                        ch.txSelect();
                        ch.confirmSelect();
                    },
                    406,
                    "PRECONDITION_FAILED - cannot switch from tx to confirm mode");
        }
    }

    @Test
    void txSelectOnAConfirmingChannelIsRefused() throws Exception {
        try (Connection c = connect()) {
            assertChannelClose(
                    c,
                    ch -> {
                        ch.confirmSelect();
                        ch.txSelect();
                    },
                    406,
                    "PRECONDITION_FAILED - cannot switch from confirm to tx mode");
        }
    }

    @Test
    void commitOrRollbackWithoutTxSelectIsRefused() throws Exception {
        try (Connection c = connect()) {
            String text = "PRECONDITION_FAILED - channel is not transactional";
            assertChannelClose(c, Channel::txCommit, 406, text);
            assertChannelClose(c, Channel::txRollback, 406, text);
        }
    }

    private static String queue(Channel ch) throws IOException {
        return ch.queueDeclare(unique("it.q"), false, true, false, null).getQueue();
    }

    private static String body(GetResponse r) {
        assertThat(r).as("a message").isNotNull();
        return new String(r.getBody(), UTF_8);
    }

    /** Publishes on a channel of its own and waits for the broker to confirm every message. */
    private static void send(Connection c, String q, String... bodies) throws Exception {
        Channel ch = c.createChannel();
        ch.confirmSelect();
        for (String b : bodies) {
            ch.basicPublish("", q, null, b.getBytes(UTF_8));
        }
        ch.waitForConfirmsOrDie(5_000);
        ch.close();
    }
}
