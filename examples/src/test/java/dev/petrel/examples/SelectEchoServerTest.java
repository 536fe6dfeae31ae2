package dev.petrel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.FakeTransport;
import dev.petrel.reactor.testing.Splits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SelectEchoServerTest {
    private final SelectEchoServer server = new SelectEchoServer(null, 8);
    private final FakeTransport t = new FakeTransport().connect(server);

    @Test
    void echoesExactlyTheBytesInAnySplit() {
        byte[] input = "client 7 says hi\nand more\n".getBytes(StandardCharsets.UTF_8);
        Splits.forEachSplit(input, SelectEchoServer::new, (p, ft) -> {
            assertThat(ft.written()).isEqualTo(input);
            assertThat(p.queuedBytes()).isZero();
        });
    }

    @Test
    void writesOnlyWhileWritableAndResumesWhenDrained() {
        t.holdWrites(true).readPausesWhenUnwritable(false);
        t.setWriteWatermarks(2, 4);
        t.deliver("01234");
        assertThat(t.isWritable()).isFalse();
        t.deliver("abc");
        assertThat(server.queuedBytes()).isEqualTo(3);
        assertThat(t.pendingOutboundBytes()).isEqualTo(5);

        t.drain(); // writable again: the queue goes out
        assertThat(server.queuedBytes()).isZero();
        t.holdWrites(false);
        assertThat(t.writtenString()).isEqualTo("01234abc");
    }

    @Test
    void pausesReadingWhenTheQueuePassesItsBound() {
        t.holdWrites(true).readPausesWhenUnwritable(false);
        t.setWriteWatermarks(0, 0);
        t.deliver("x");
        t.deliver("abcd", "efgh");
        assertThat(t.isPaused()).isFalse();
        t.deliver("i");
        assertThat(server.queuedBytes()).isEqualTo(9);
        assertThat(t.isPaused()).isTrue();
        t.deliver("later");
        assertThat(t.pendingInbound()).isEqualTo(1);

        t.drain(); // "abcd" goes out and fills the transport again: 5 queued, over half the bound
        assertThat(t.isPaused()).isTrue();
        t.drain(); // "efgh" goes out: 1 queued, so reading resumes
        assertThat(t.isPaused()).isFalse();
        t.holdWrites(false);
        assertThat(t.writtenString()).isEqualTo("xabcdefghilater");
    }

    @Test
    void peerCloseWaitsForTheQueue() {
        t.holdWrites(true).readPausesWhenUnwritable(false);
        t.setWriteWatermarks(0, 0);
        t.deliver("a", "b").peerClosed();
        assertThat(t.isOpen()).isTrue();
        assertThat(server.queuedBytes()).isEqualTo(1);
        t.drain();
        t.drain();
        assertThat(t.writtenString()).isEqualTo("ab");
        assertThat(t.isClosed()).isTrue();
    }
}
