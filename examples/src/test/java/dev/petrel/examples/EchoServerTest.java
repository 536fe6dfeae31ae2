package dev.petrel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.FakeTransport;
import dev.petrel.reactor.testing.Splits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EchoServerTest {

    @Test
    void echoesExactlyTheBytesInAnySplit() {
        byte[] input = "hello alex!\r\n\u00e9\u0000\u00ff".getBytes(StandardCharsets.UTF_8);
        Splits.forEachSplit(input, EchoServer::new, (p, t) -> {
            assertThat(t.written()).isEqualTo(input);
            assertThat(t.isOpen()).isTrue();
        });
    }

    @Test
    void echoesBinaryChunks() {
        byte[] input = new byte[4096];
        new Random(7).nextBytes(input);
        Splits.forEachSplit(
                input, 50, 3, EchoServer::new, (p, t) -> assertThat(t.written()).isEqualTo(input));
    }

    @Test
    void closesWhenThePeerDoes() {
        FakeTransport t = new FakeTransport().connect(new EchoServer());
        t.deliver("bye").peerClosed();
        assertThat(t.writtenString()).isEqualTo("bye");
        assertThat(t.connectionLostCalled()).isTrue();
    }

    @Test
    void verboseSaysWhatTheClientSaid() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FakeTransport t =
                new FakeTransport().connect(new EchoServer(new PrintStream(log, true, StandardCharsets.UTF_8)));
        t.deliver("hi");
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("Client said: hi" + System.lineSeparator());
        assertThat(t.writtenString()).isEqualTo("hi");
    }
}
