package dev.petrel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.FakeTransport;
import dev.petrel.reactor.testing.Splits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EchoClientTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private int stops;
    private final EchoFactory factory = new EchoFactory(out, () -> stops++);

    private String printed() {
        return output.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void sendsTheGreetingOnConnect() {
        FakeTransport t = new FakeTransport().connect(factory.buildProtocol(null));
        assertThat(t.writtenString()).isEqualTo("hello alex!");
        assertThat(t.isOpen()).isTrue();
    }

    @Test
    void hangsUpOnceTheWholeGreetingCameBackInAnySplit() {
        byte[] echo = EchoClient.GREETING.getBytes(StandardCharsets.UTF_8);
        Splits.forEachSplit(echo, () -> new EchoClient(out), (p, t) -> {
            assertThat(p.gotGreeting()).isTrue();
            assertThat(t.isDisconnecting()).isTrue();
        });
    }

    @Test
    void printsWhatCameBackSoFar() {
        FakeTransport t = new FakeTransport().connect(factory.buildProtocol(null));
        t.deliver("hello ");
        assertThat(t.isOpen()).isTrue();
        t.deliver("alex!");
        assertThat(printed()).isEqualTo("Server said: hello \nServer said: hello alex!\n");
        assertThat(t.isClosed()).isTrue();
        factory.clientConnectionLost(null, t.lostReason());
        assertThat(printed()).endsWith("Connection lost - goodbye!\n");
        assertThat(stops).isEqualTo(1);
        assertThat(factory.succeeded()).isTrue();
    }

    @Test
    void aWrongEchoIsNoSuccess() {
        FakeTransport t = new FakeTransport().connect(factory.buildProtocol(null));
        t.deliver("HELLO ALEX!");
        assertThat(t.isDisconnecting()).isTrue();
        t.connectionLost(new IOException("reset"));
        assertThat(factory.succeeded()).isFalse();
    }

    @Test
    void aFailedConnectionSaysGoodbyeAndStops() {
        factory.clientConnectionFailed(null, new ConnectException("Connection refused"));
        assertThat(printed()).isEqualTo("Connection failed - goodbye!\n");
        assertThat(stops).isEqualTo(1);
        assertThat(factory.succeeded()).isFalse();
    }
}
