package dev.petrel.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.AmqpConfig;
import dev.petrel.redis.RedisConfig;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher with both doors: each on its own loop, each answering its own protocol, both closed with the server. */
class AmqpDoorIT {
    @Test
    void bothDoorsServeSideBySide() throws Exception {
        StringWriter out = new StringWriter();
        InetSocketAddress redis;
        InetSocketAddress amqp;
        try (Server server = Server.start(
                List.of(
                        new RedisDoor(new RedisConfig().bind("127.0.0.1").port(0)),
                        new AmqpDoor(new AmqpConfig().bind("127.0.0.1").port(0))),
                2,
                new PrintWriter(out, true))) {
            redis = server.addresses().get(0);
            amqp = server.addresses().get(1);
            assertThat(out.toString()).contains("amqp listening on 127.0.0.1:" + amqp.getPort());
            try (Socket s = new Socket(amqp.getAddress(), amqp.getPort())) {
                s.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
                byte[] frame = s.getInputStream().readNBytes(11);
                // a method frame on channel 0 carrying connection.start (class 10, method 10)
                assertThat(frame[0]).isEqualTo((byte) 1);
                assertThat(new byte[] {frame[7], frame[8], frame[9], frame[10]}).containsExactly(0, 10, 0, 10);
            }
            try (Socket s = new Socket(redis.getAddress(), redis.getPort())) {
                s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(s.getInputStream(), 7)).isEqualTo("+PONG\r\n");
            }
            try (Socket s = new Socket(amqp.getAddress(), amqp.getPort())) {
                // an AMQP 0-10 header: the door answers with the version it speaks, then closes
                s.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 1, 1, 0, 10});
                assertThat(s.getInputStream().readAllBytes()).containsExactly('A', 'M', 'Q', 'P', 0, 0, 9, 1);
            }
        }
        try (Socket s = new Socket()) {
            assertThat(connects(s, amqp))
                    .as("the door is closed with the server")
                    .isFalse();
        }
    }

    private static String read(InputStream in, int n) throws Exception {
        return new String(in.readNBytes(n), StandardCharsets.US_ASCII);
    }

    private static boolean connects(Socket s, InetSocketAddress a) {
        try {
            s.connect(a, 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
