package dev.petrel.amqp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tuning as the client asks: a small frame_max splits bodies across many frames both ways; channel_max is agreed. */
class FramingIT extends AmqpITSupport {

    @Test
    void aLargeBodyCrossesInManySmallFramesAndComesBackWhole() throws Exception {
        ConnectionFactory f = factory();
        f.setRequestedFrameMax(4096);
        f.setRequestedChannelMax(4);
        byte[] body = new byte[300_000]; // about 74 body frames each way at 4096 bytes
        new Random(7).nextBytes(body);
        try (Connection c = f.newConnection()) {
            assertThat(c.getFrameMax()).isEqualTo(4096);
            assertThat(c.getChannelMax()).isEqualTo(4);
            Channel ch = c.createChannel();
            String q = ch.queueDeclare("", false, true, true, null).getQueue();
            ch.confirmSelect();
            ch.basicPublish("", q, null, body);
            ch.basicPublish("", q, null, new byte[0]); // and an empty one: a header and no body frame
            ch.waitForConfirmsOrDie(5_000);
            GetResponse big = ch.basicGet(q, true);
            assertThat(big.getBody()).isEqualTo(body);
            assertThat(ch.basicGet(q, true).getBody()).isEmpty();
        }
    }
}
