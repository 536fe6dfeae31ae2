package dev.petrel.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisConfig;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's Redis door: opened on the server's reactor, it answers, and closing the server closes it. */
class RedisDoorIT {
    @Test
    void theRedisDoorServesAndStops() throws Exception {
        StringWriter out = new StringWriter();
        InetSocketAddress address;
        try (Server server = Server.start(
                List.of(new RedisDoor(new RedisConfig().bind("127.0.0.1").port(0))), 1, new PrintWriter(out, true))) {
            address = server.addresses().get(0);
            assertThat(out.toString()).startsWith("redis listening on 127.0.0.1:" + address.getPort());
            try (Socket s = new Socket(address.getAddress(), address.getPort())) {
                s.getOutputStream().write("SET k v\r\nGET k\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(read(s.getInputStream(), 12)).isEqualTo("+OK\r\n$1\r\nv\r\n");
            }
        }
        try (Socket s = new Socket()) {
            assertThat(connects(s, address))
                    .as("the door is closed with the server")
                    .isFalse();
        }
    }

    private static String read(InputStream in, int n) throws Exception {
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.US_ASCII);
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
