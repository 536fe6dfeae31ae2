package dev.petrel.reactor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.ConnectionDone;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Transport;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeTransportTest {

    /** Logs every callback; echoes unless told otherwise. */
    static class Recorder implements Protocol {
        final List<String> events = new ArrayList<>();
        Transport transport;
        ByteBuffer kept;
        boolean keepHalfOpen;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            events.add("made");
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            kept = data;
            events.add("data " + StandardCharsets.UTF_8.decode(data.duplicate()));
            transport.write(data);
        }

        @Override
        public boolean readConnectionLost() {
            events.add("eof");
            return keepHalfOpen;
        }

        @Override
        public void writabilityChanged(boolean writable) {
            events.add("writable " + writable);
        }

        @Override
        public void connectionLost(Throwable reason) {
            events.add("lost " + reason.getClass().getSimpleName());
        }
    }

    private final Recorder p = new Recorder();
    private final FakeTransport t = new FakeTransport().connect(p);

    @Test
    void recordsWritesAndClears() {
        t.deliver("ab".getBytes(StandardCharsets.UTF_8), "cd".getBytes(StandardCharsets.UTF_8));
        assertThat(p.events).containsExactly("made", "data ab", "data cd");
        assertThat(t.writtenString()).isEqualTo("abcd");
        assertThat(t.written()).containsExactly('a', 'b', 'c', 'd');
        t.clear();
        assertThat(t.written()).isEmpty();
        p.transport.write("x");
        assertThat(t.writtenString()).isEqualTo("x");
    }

    @Test
    void aKeptBufferIsZeroedAfterTheCall() {
        t.deliver("abc");
        assertThat(p.kept.isDirect()).isTrue();
        assertThat(p.kept.isReadOnly()).isTrue();
        assertThat(p.kept.get(0)).isZero();
    }

    @Test
    void loseConnectionEndsWithConnectionDoneOnce() {
        p.transport.loseConnection();
        p.transport.loseConnection();
        assertThat(t.isDisconnecting()).isTrue();
        assertThat(t.isOpen()).isFalse();
        assertThat(t.isClosed()).isTrue();
        assertThat(t.lostReason()).isSameAs(ConnectionDone.INSTANCE);
        assertThat(p.events).containsExactly("made", "lost ConnectionDone");
        p.transport.write("late");
        assertThat(t.discardedBytes()).isEqualTo(4);
    }

    @Test
    void connectionLostWaitsForTheCallbackThatClosed() {
        Recorder closing = new Recorder() {
            @Override
            public void dataReceived(ByteBuffer data) {
                transport.loseConnection();
                events.add("after close");
            }
        };
        FakeTransport ft = new FakeTransport().connect(closing);
        ft.deliver("a", "b");
        assertThat(closing.events).containsExactly("made", "after close", "lost ConnectionDone");
        assertThat(ft.pendingInbound()).isEqualTo(1);
    }

    @Test
    void abortDiscardsPendingBytes() {
        t.holdWrites(true);
        p.transport.write("pending");
        p.transport.abortConnection();
        assertThat(t.isAborted()).isTrue();
        assertThat(t.discardedBytes()).isEqualTo(7);
        assertThat(p.events).containsExactly("made", "lost IOException");
    }

    @Test
    void pausedTransportQueuesDeliveriesUntilResumed() {
        p.transport.pauseProducing();
        t.deliver("queued");
        assertThat(t.isPaused()).isTrue();
        assertThat(t.pendingInbound()).isEqualTo(1);
        assertThat(p.events).containsExactly("made");
        p.transport.resumeProducing();
        assertThat(p.events).containsExactly("made", "data queued");
    }

    @Test
    void heldWritesCrossTheWatermarksAndDrain() {
        t.holdWrites(true);
        p.transport.setWriteWatermarks(2, 4);
        t.deliver("abcde", "after");
        assertThat(t.pendingOutboundBytes()).isEqualTo(5);
        assertThat(t.isWritable()).isFalse();
        assertThat(t.written()).isEmpty();
        assertThat(t.pendingInbound()).isEqualTo(1); // reading pauses above the high-water mark
        assertThat(t.drain(2)).isEqualTo(2);
        assertThat(t.isWritable()).isFalse();
        t.drain(1);
        // 2 pending is at the low-water mark: writable again, so reading resumes and "after" goes over the mark.
        assertThat(p.events)
                .containsExactly(
                        "made", "data abcde", "writable false", "writable true", "data after", "writable false");
        t.holdWrites(false);
        assertThat(t.writtenString()).isEqualTo("abcdeafter");
        assertThat(t.isWritable()).isTrue();
    }

    @Test
    void loseConnectionWaitsForHeldBytes() {
        t.holdWrites(true);
        p.transport.write("bye");
        p.transport.loseConnection();
        assertThat(t.isClosed()).isFalse();
        t.drain();
        assertThat(t.writtenString()).isEqualTo("bye");
        assertThat(p.events).containsExactly("made", "lost ConnectionDone");
    }

    @Test
    void peerCloseClosesUnlessTheProtocolKeepsItHalfOpen() {
        t.deliver("x").peerClosed();
        assertThat(p.events).containsExactly("made", "data x", "eof", "lost ConnectionDone");

        Recorder half = new Recorder();
        half.keepHalfOpen = true;
        FakeTransport ft = new FakeTransport().connect(half).peerClosed();
        assertThat(ft.isOpen()).isTrue();
        half.transport.write("still");
        half.transport.loseWriteConnection();
        assertThat(ft.isWriteClosed()).isTrue();
        assertThat(ft.writtenString()).isEqualTo("still");
    }

    @Test
    void brokenConnectionReportsItsReason() {
        t.connectionLost(new java.io.IOException("reset"));
        assertThat(p.events).containsExactly("made", "lost IOException");
        assertThat(t.connectionLostCalled()).isTrue();
    }

    @Test
    void addressesAndSchedulerAreSettable() {
        ManualClock clock = new ManualClock();
        FakeTransport ft = new FakeTransport(clock).setPeer(new InetSocketAddress("127.0.0.1", 1234));
        assertThat(ft.getPeer()).isEqualTo(new InetSocketAddress("127.0.0.1", 1234));
        assertThat(ft.getHost()).isInstanceOf(InetSocketAddress.class);
        assertThat(ft.scheduler()).isSameAs(clock);
        ft.setTcpNoDelay(false);
        assertThat(ft.tcpNoDelay()).isFalse();
    }
}
