package dev.petrel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.petrel.examples.EchoClient;
import dev.petrel.examples.EchoServer;
import dev.petrel.examples.HelloHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleServersIT {
    private final StringWriter out = new StringWriter();

    private Server start(Door door) {
        return Server.start(List.of(door), 1, new PrintWriter(out, true));
    }

    @Test
    void echoServerAnswersTheLessonsClient() throws Exception {
        try (Server server = start(new ListenerDoor("echo-server", r -> EchoServer.listen(r, "127.0.0.1", 0)))) {
            int port = server.addresses().get(0).getPort();
            assertThat(out.toString()).isEqualTo("echo-server listening on 127.0.0.1:" + port + System.lineSeparator());

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int status = EchoClient.run("127.0.0.1", port, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(status).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("Server said: hello alex!")
                    .contains("Connection lost - goodbye!");
        }
    }

    @Test
    void helloHttpAnswersAGet() throws Exception {
        try (Server server = start(new ListenerDoor("hello-http", r -> HelloHttpServer.listen(r, "127.0.0.1", 0)))) {
            InetSocketAddress address = server.addresses().get(0);
            try (Socket s = new Socket(address.getAddress(), address.getPort())) {
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(response).startsWith("HTTP/1.0 200 OK\r\n").endsWith("\r\n\r\nHello, world!");
            }
        }
    }

    @Test
    void theClientFailsWhenNothingListens() throws Exception {
        int port;
        try (Server server = start(new ListenerDoor("echo-server", r -> EchoServer.listen(r, "127.0.0.1", 0)))) {
            port = server.addresses().get(0).getPort();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = EchoClient.run("127.0.0.1", port, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Connection failed - goodbye!");
    }

    @Test
    void aBusyPortIsReportedAndNothingStaysOpen() {
        try (Server first = start(new ListenerDoor("echo-server", r -> EchoServer.listen(r, "127.0.0.1", 0)))) {
            int port = first.addresses().get(0).getPort();
            assertThatThrownBy(() -> start(new ListenerDoor("again", r -> EchoServer.listen(r, "127.0.0.1", port))))
                    .hasMessageContaining("cannot listen");
        }
    }
}
