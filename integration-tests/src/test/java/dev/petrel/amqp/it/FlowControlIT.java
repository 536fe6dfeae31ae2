package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.petrel.amqp.AmqpConfig;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Publisher flow control: a publisher into a queue whose consumers lag is paused, and the pause never stalls the
 * broker. Two connections that each publish into the queue the other consumes (acking one message at a time) both
 * get everything through, though each pause also holds back the acks its connection owes. In-process only: the flow
 * threshold is Petrel's setting.
 */
class FlowControlIT extends AmqpITSupport {
    private static final int MESSAGES = 3000;

    @Override
    protected AmqpConfig configure(AmqpConfig config) {
        return config.flowThreshold(10);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a stall fails, it does not hang the build
    void twoConnectionsPublishingIntoEachOthersQueuesBothFinish() throws Exception {
        Assumptions.assumeFalse(external(), "Petrel's flow threshold");
        try (Connection setup = connect()) {
            Channel ch = setup.createChannel();
            String q1 = ch.queueDeclare(unique("it.flow"), false, false, false, null)
                    .getQueue();
            String q2 = ch.queueDeclare(unique("it.flow"), false, false, false, null)
                    .getQueue();
            Connection a = connect();
            Connection b = connect();
            try {
                CountDownLatch aGot = consume(a, q2);
                CountDownLatch bGot = consume(b, q1);
                publish(a, q1);
                publish(b, q2);
                assertThat(aGot.await(30, TimeUnit.SECONDS))
                        .as("a consumed all of q2")
                        .isTrue();
                assertThat(bGot.await(30, TimeUnit.SECONDS))
                        .as("b consumed all of q1")
                        .isTrue();
            } finally {
                // abort, not close: had the two stalled each other, a polite close would wait on them too
                a.abort();
                b.abort();
                ch.queueDelete(q1);
                ch.queueDelete(q2);
            }
        }
    }

    /** A consumer with prefetch 1 that acks each message as it comes. */
    private static CountDownLatch consume(Connection c, String q) throws IOException {
        CountDownLatch got = new CountDownLatch(MESSAGES);
        Channel ch = c.createChannel();
        ch.basicQos(1);
        ch.basicConsume(q, false, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body)
                    throws IOException {
                ch.basicAck(env.getDeliveryTag(), false);
                got.countDown();
            }
        });
        return got;
    }

    private static void publish(Connection c, String q) throws IOException {
        Channel ch = c.createChannel();
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    ch.basicPublish("", q, null, ("m" + i).getBytes(UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
