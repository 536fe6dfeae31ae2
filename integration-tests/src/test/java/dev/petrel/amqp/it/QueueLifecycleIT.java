package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Queue lifecycle: server-named queues, passive and equivalent redeclaration, exclusive and auto-delete queues, purge,
 * conditional delete, declare-ok counts, queue types and {@code x-expires}. Refusals are asserted by reply code and
 * the exact reply text RabbitMQ 3.10 sends.
 */
class QueueLifecycleIT extends AmqpITSupport {

    @Test
    void anEmptyNameGetsAServerGeneratedOne() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            AMQP.Queue.DeclareOk ok = ch.queueDeclare();
            assertThat(ok.getQueue()).startsWith("amq.gen-").hasSizeGreaterThan("amq.gen-".length());
            assertThat(ch.queueDeclare().getQueue()).isNotEqualTo(ok.getQueue());
            assertThat(ch.queueDeclarePassive(ok.getQueue()).getQueue()).isEqualTo(ok.getQueue());
        }
    }

    @Test
    void passiveDeclareOfAMissingQueueIs404() throws Exception {
        try (Connection c = connect()) {
            String q = unique("it.missing");
            assertChannelClose(
                    c, ch -> ch.queueDeclarePassive(q), 404, "NOT_FOUND - no queue '" + q + "' in vhost '/'");
        }
    }

    @Test
    void redeclarationMustBeEquivalent() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = unique("it.q");
            ch.queueDeclare(q, false, false, false, Map.of("x-max-length", 10));
            ch.queueDeclare(q, false, false, false, Map.of("x-max-length", 10));
            String prefix = "PRECONDITION_FAILED - inequivalent arg ";
            String where = " for queue '" + q + "' in vhost '/': ";
            assertChannelClose(
                    c,
                    x -> x.queueDeclare(q, true, false, false, Map.of("x-max-length", 10)),
                    406,
                    prefix + "'durable'" + where + "received 'true' but current is 'false'");
            assertChannelClose(
                    c,
                    x -> x.queueDeclare(q, false, false, true, Map.of("x-max-length", 10)),
                    406,
                    prefix + "'auto_delete'" + where + "received 'true' but current is 'false'");
            assertChannelClose(
                    c,
                    x -> x.queueDeclare(q, false, false, false, Map.of("x-max-length", 11)),
                    406,
                    prefix + "'x-max-length'" + where + "received '11' but current is '10'");
            assertChannelClose(
                    c,
                    x -> x.queueDeclare(q, false, false, false, null),
                    406,
                    prefix + "'x-max-length'" + where + "received none but current is the value '10' of type"
                            + " 'signedint'");
            assertChannelClose(
                    c, x -> x.queueDeclare(q, false, true, false, Map.of("x-max-length", 10)), 405, lockedText(q));
            c.createChannel().queueDelete(q);
        }
    }

    @Test
    void anExclusiveQueueIsLockedToItsConnectionAndGoesWithIt() throws Exception {
        String q = unique("it.excl");
        try (Connection other = connect()) {
            try (Connection owner = connect()) {
                owner.createChannel().queueDeclare(q, false, true, false, null);
                assertChannelClose(other, ch -> ch.queueDeclare(q, false, true, false, null), 405, lockedText(q));
                assertChannelClose(other, ch -> ch.queueDeclarePassive(q), 405, lockedText(q));
                assertChannelClose(other, ch -> ch.basicConsume(q, true, new DefaultConsumer(ch)), 405, lockedText(q));
            }
            assertChannelClose(
                    other, ch -> ch.queueDeclarePassive(q), 404, "NOT_FOUND - no queue '" + q + "' in vhost '/'");
        }
    }

    @Test
    void anAutoDeleteQueueGoesWhenItsLastConsumerCancelsButNotBeforeAFirst() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = unique("it.auto");
            ch.queueDeclare(q, false, false, true, null);
            String first = ch.basicConsume(q, true, new DefaultConsumer(ch));
            String second = ch.basicConsume(q, true, new DefaultConsumer(ch));
            ch.basicCancel(first);
            assertThat(ch.queueDeclarePassive(q).getConsumerCount()).isEqualTo(1);
            ch.basicCancel(second);
            assertChannelClose(c, x -> x.queueDeclarePassive(q), 404, "NOT_FOUND - no queue '" + q + "' in vhost '/'");

            String never = unique("it.auto");
            ch.queueDeclare(never, false, false, true, null);
            ch.confirmSelect();
            ch.basicPublish("", never, null, "x".getBytes(UTF_8));
            ch.waitForConfirmsOrDie(5_000);
            assertThat(ch.queueDeclarePassive(never).getMessageCount()).isEqualTo(1);
            ch.queueDelete(never);
        }
    }

    @Test
    void purgeAndDeclareOkReportCounts() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            ch.confirmSelect();
            String q = unique("it.q");
            ch.queueDeclare(q, false, false, false, null);
            for (int i = 0; i < 5; i++) {
                ch.basicPublish("", q, null, ("m" + i).getBytes(UTF_8));
            }
            ch.waitForConfirmsOrDie(5_000);
            Channel consuming = c.createChannel();
            consuming.basicQos(1);
            consuming.basicConsume(q, false, new DefaultConsumer(consuming));

            AMQP.Queue.DeclareOk ok = waitForCounts(ch, q, 4);
            assertThat(ok.getMessageCount()).isEqualTo(4); // one is unacked at the consumer
            assertThat(ok.getConsumerCount()).isEqualTo(1);
            assertThat(ch.queuePurge(q).getMessageCount()).isEqualTo(4);
            assertThat(ch.queuePurge(q).getMessageCount()).isZero();
            consuming.close(); // the unacked one comes back
            assertThat(ch.queueDeclarePassive(q).getMessageCount()).isEqualTo(1);
            assertThat(ch.queueDelete(q).getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void conditionalDeleteRefusesAQueueInUseOrNotEmpty() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = unique("it.q");
            ch.queueDeclare(q, false, false, false, null);
            ch.basicPublish("", q, null, "x".getBytes(UTF_8));
            Channel consuming = c.createChannel();
            consuming.basicConsume(q, false, new DefaultConsumer(consuming));
            String where = "PRECONDITION_FAILED - queue '" + q + "' in vhost '/'";
            assertChannelClose(c, x -> x.queueDelete(q, true, false), 406, where + " in use");
            consuming.close();
            assertChannelClose(c, x -> x.queueDelete(q, false, true), 406, where + " not empty");
            assertThat(ch.queueDelete(q, true, false).getMessageCount()).isEqualTo(1);
            String empty = unique("it.q");
            ch.queueDeclare(empty, false, false, false, null);
            assertThat(ch.queueDelete(empty, true, true).getMessageCount()).isZero();
            assertThat(ch.queueDelete(empty).getMessageCount()).isZero(); // deleting a missing queue is fine
        }
    }

    @Test
    void queueTypesClassicAndQuorumAreAccepted() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String classic = unique("it.classic");
            ch.queueDeclare(classic, false, true, true, Map.of("x-queue-type", "classic"));
            String quorum = unique("it.quorum");
            ch.queueDeclare(quorum, true, false, false, Map.of("x-queue-type", "quorum"));
            ch.confirmSelect();
            ch.basicPublish("", quorum, null, "q".getBytes(UTF_8));
            ch.waitForConfirmsOrDie(5_000);
            assertThat(ch.basicGet(quorum, true).getBody()).isEqualTo("q".getBytes(UTF_8));
            ch.queueDelete(quorum);

            String exclusive = unique("it.quorum");
            assertChannelClose(
                    c,
                    x -> x.queueDeclare(exclusive, true, true, false, Map.of("x-queue-type", "quorum")),
                    406,
                    "PRECONDITION_FAILED - invalid property 'exclusive-owner' for queue '" + exclusive
                            + "' in vhost '/'");
        }
    }

    @Test
    void xExpiresRemovesAnUnusedQueue() throws Exception {
        try (Connection c = connect()) {
            Channel ch = c.createChannel();
            String q = unique("it.expires");
            ch.queueDeclare(q, false, false, false, Map.of("x-expires", 200));
            // a declare (even passive) counts as a use and restarts the timer: probe with mandatory publishes instead
            BlockingQueue<String> returned = new LinkedBlockingQueue<>();
            ch.addReturnListener(r -> returned.add(r.getReplyText()));
            ch.confirmSelect();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (returned.isEmpty()) {
                assertThat(System.nanoTime()).as("queue still there after 10s").isLessThan(deadline);
                ch.basicPublish("", q, true, null, "probe".getBytes(UTF_8));
                ch.waitForConfirmsOrDie(5_000);
                Thread.sleep(50);
            }
            assertThat(returned.poll()).isEqualTo("NO_ROUTE");
            assertChannelClose(c, x -> x.queueDeclarePassive(q), 404, "NOT_FOUND - no queue '" + q + "' in vhost '/'");
        }
    }

    private static AMQP.Queue.DeclareOk waitForCounts(Channel ch, String q, int messages) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(q);
        while (ok.getMessageCount() != messages && System.nanoTime() < deadline) {
            Thread.sleep(10);
            ok = ch.queueDeclarePassive(q);
        }
        return ok;
    }

    private static String lockedText(String q) {
        return "RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '" + q + "' in vhost '/'. It could be"
                + " originally declared on another connection or the exclusive property value does not match that of"
                + " the original declaration.";
    }
}
