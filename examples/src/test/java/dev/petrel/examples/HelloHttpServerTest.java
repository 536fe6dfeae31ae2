package dev.petrel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.FakeTransport;
import dev.petrel.reactor.testing.Splits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HelloHttpServerTest {
    private static final byte[] GET = ascii("GET / HTTP/1.0\r\nHost: localhost\r\nAccept: */*\r\n\r\n");

    @Test
    void responseIsTheLessonsBytes() {
        assertThat(new String(HelloHttpServer.RESPONSE, StandardCharsets.US_ASCII))
                .isEqualTo("HTTP/1.0 200 OK\r\nDate: Mon, 1 Jan 1996 01:01:01 GMT\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 13\r\n\r\nHello, world!");
    }

    @Test
    void answersOnceTheBlankLineArrivesInAnySplit() {
        Splits.forEachSplit(GET, HelloHttpServer::new, (p, t) -> {
            assertThat(t.written()).isEqualTo(HelloHttpServer.RESPONSE);
            assertThat(t.isClosed()).isTrue();
        });
    }

    @Test
    void bareNewlinesEndTheRequestToo() {
        Splits.forEachSplit(ascii("GET /\nHost: x\n\n"), HelloHttpServer::new, (p, t) -> assertThat(t.written())
                .isEqualTo(HelloHttpServer.RESPONSE));
    }

    @Test
    void saysNothingBeforeTheBlankLine() {
        for (int cut = 0; cut < GET.length; cut++) {
            byte[] prefix = Arrays.copyOf(GET, cut);
            Splits.forEachSplit(prefix, 2, cut, HelloHttpServer::new, (p, t) -> {
                assertThat(t.written()).isEmpty();
                assertThat(t.isOpen()).isTrue();
            });
        }
    }

    @Test
    void answersOnceThoughMoreFollows() {
        FakeTransport t = new FakeTransport().connect(new HelloHttpServer());
        t.deliver(ascii("GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\n\r\n"));
        assertThat(t.written()).isEqualTo(HelloHttpServer.RESPONSE);
    }

    @Test
    void cutsOffARequestThatNeverEnds() {
        FakeTransport t = new FakeTransport().connect(new HelloHttpServer());
        byte[] chunk = new byte[4096];
        Arrays.fill(chunk, (byte) 'a');
        for (int i = 0; i < HelloHttpServer.MAX_REQUEST_BYTES / chunk.length - 1; i++) {
            t.deliver(chunk);
        }
        assertThat(t.isOpen()).isTrue();
        t.deliver(chunk);
        assertThat(t.isClosed()).isTrue();
        assertThat(t.written()).isEmpty();
    }

    @Test
    void findsTheEndOfTheHeadOnlyInNewBytes() {
        byte[] b = ascii("GET /\r\n\r\n");
        assertThat(HelloHttpServer.endOfHead(b, 0, b.length)).isEqualTo(b.length);
        assertThat(HelloHttpServer.endOfHead(b, 8, b.length)).isEqualTo(b.length);
        assertThat(HelloHttpServer.endOfHead(b, 0, b.length - 1)).isEqualTo(-1);
        assertThat(HelloHttpServer.endOfHead(ascii("a\n\r\nb"), 0, 5)).isEqualTo(-1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
