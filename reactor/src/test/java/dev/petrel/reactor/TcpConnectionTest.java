package dev.petrel.reactor;

import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection's write batching, partial writes, backpressure and closing, on a scripted socket. */
class TcpConnectionTest {
    private Reactor reactor;
    private EventLoop loop;

    @BeforeEach
    void setUp() {
        reactor = Reactor.builder().writeWatermarks(100, 200).build();
        loop = reactor.loop(0);
        loop.bindToCurrentThread();
    }

    @AfterEach
    void tearDown() {
        reactor.close();
    }

    private TcpConnection open(FakeIo io, RecordingProtocol p) {
        TcpConnection c = new TcpConnection(loop, io);
        c.start(p, null);
        return c;
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void writesInOneTurnGoOutInOneGatheringWrite() {
        FakeIo io = new FakeIo();
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.write("hello ");
        c.writeSequence(ByteBuffer.wrap("alex".getBytes()), ByteBuffer.wrap("!".getBytes()));
        assertThat(io.writeCalls).isZero();
        loop.flushAll();
        assertThat(io.writeCalls).isOne();
        assertThat(io.written.toString()).isEqualTo("hello alex!");
        assertThat(io.interest).isEqualTo(OP_READ);
    }

    @Test
    void partialWritesAskForWritabilityAndFinishInOrder() {
        FakeIo io = new FakeIo();
        io.writeBudget = 0;
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.setWriteWatermarks(1 << 20, 1 << 20);
        byte[] data = bytes(100_000, 1);
        c.write(data);
        loop.flushAll();
        assertThat(io.interest & OP_WRITE).isEqualTo(OP_WRITE);
        int turns = 0;
        while ((io.interest & OP_WRITE) != 0) {
            io.writeBudget = 7_777;
            c.onReady(OP_WRITE);
            turns++;
        }
        assertThat(turns).isGreaterThan(1);
        assertThat(io.written.toByteArray()).isEqualTo(data);
        assertThat(io.interest).isEqualTo(OP_READ);
        assertThat(c.pendingOutboundBytes()).isZero();
    }

    @Test
    void readingPausesAboveHighWaterAndResumesAtLowWater() {
        FakeIo io = new FakeIo();
        io.writeBudget = 0;
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.write(new byte[150]);
        assertThat(c.isWritable()).isTrue();
        c.write(new byte[100]); // 250 > high water 200
        assertThat(c.isWritable()).isFalse();
        assertThat(p.writability).containsExactly(false);
        loop.flushAll();
        assertThat(io.interest).isEqualTo(OP_WRITE); // not reading any more, waiting to write
        io.writeBudget = 100; // 150 left: still above low water 100
        c.onReady(OP_WRITE);
        assertThat(c.isWritable()).isFalse();
        assertThat(io.interest).isEqualTo(OP_WRITE);
        io.writeBudget = 60; // 90 left: at or below low water
        c.onReady(OP_WRITE);
        assertThat(c.isWritable()).isTrue();
        assertThat(p.writability).containsExactly(false, true);
        assertThat(io.interest).isEqualTo(OP_READ | OP_WRITE);
    }

    @Test
    void loseConnectionDrainsBeforeClosing() {
        FakeIo io = new FakeIo();
        io.writeBudget = 5;
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.write("0123456789abcdefghij");
        c.loseConnection();
        c.write("dropped: written after loseConnection");
        loop.flushAll();
        assertThat(io.closed).isFalse();
        assertThat(p.lost).isEmpty();
        while (!io.closed) {
            io.writeBudget = 5;
            c.onReady(OP_WRITE);
        }
        assertThat(io.written.toString()).isEqualTo("0123456789abcdefghij");
        assertThat(p.lost).hasSize(1);
        assertThat(p.lost.get(0)).isSameAs(ConnectionDone.INSTANCE);
    }

    @Test
    void loseConnectionWithNothingQueuedClosesAtTheEndOfTheTurn() {
        FakeIo io = new FakeIo();
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.loseConnection();
        assertThat(c.isOpen()).isFalse();
        loop.flushAll();
        assertThat(io.closed).isTrue();
        assertThat(p.lost).containsExactly(ConnectionDone.INSTANCE);
    }

    @Test
    void abortDiscardsWhatIsQueued() {
        FakeIo io = new FakeIo();
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.write("never sent");
        c.abortConnection();
        loop.flushAll();
        assertThat(io.closed).isTrue();
        assertThat(io.written.size()).isZero();
        assertThat(p.lost).hasSize(1).first().isNotInstanceOf(ConnectionDone.class);
    }

    @Test
    void aThrowingCallbackClosesOnlyItsConnection() {
        FakeIo badIo = new FakeIo();
        RecordingProtocol bad = new RecordingProtocol();
        bad.throwOnData = new IllegalStateException("boom");
        TcpConnection badConn = open(badIo, bad);
        FakeIo goodIo = new FakeIo();
        RecordingProtocol good = new RecordingProtocol();
        TcpConnection goodConn = open(goodIo, good);

        badIo.inbound.add("x".getBytes());
        badConn.onReady(OP_READ);
        goodIo.inbound.add("still here".getBytes());
        goodConn.onReady(OP_READ);

        assertThat(badIo.closed).isTrue();
        assertThat(bad.lost).containsExactly(bad.throwOnData);
        assertThat(goodIo.closed).isFalse();
        assertThat(goodConn.isOpen()).isTrue();
        assertThat(good.received.toString()).isEqualTo("still here");
        assertThat(loop.connectionCount()).isOne();
    }

    @Test
    void aPeerResetMidWriteClosesWithTheError() {
        FakeIo io = new FakeIo();
        io.writeBudget = 10;
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.write(new byte[100]);
        loop.flushAll();
        io.writeFailure = new IOException("Connection reset by peer");
        c.onReady(OP_WRITE);
        assertThat(io.closed).isTrue();
        assertThat(p.lost).containsExactly(io.writeFailure);
        assertThat(c.pendingOutboundBytes()).isZero();
    }

    @Test
    void pauseAndResumeProducingToggleReading() {
        FakeIo io = new FakeIo();
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.pauseProducing();
        assertThat(io.interest).isZero();
        io.inbound.add("later".getBytes());
        c.onReady(OP_READ); // a stale readiness event must not deliver while paused
        assertThat(p.received.size()).isZero();
        c.resumeProducing();
        assertThat(io.interest).isEqualTo(OP_READ);
        c.onReady(OP_READ);
        assertThat(p.received.toString()).isEqualTo("later");
    }

    @Test
    void endOfStreamClosesAfterPendingWritesUnlessHalfOpen() {
        FakeIo io = new FakeIo();
        io.writeBudget = 0;
        RecordingProtocol p = new RecordingProtocol();
        TcpConnection c = open(io, p);
        c.write("bye");
        io.eof = true;
        c.onReady(OP_READ);
        assertThat(io.closed).isFalse();
        io.writeBudget = Long.MAX_VALUE;
        loop.flushAll();
        assertThat(io.written.toString()).isEqualTo("bye");
        assertThat(io.closed).isTrue();

        FakeIo io2 = new FakeIo();
        RecordingProtocol half = new RecordingProtocol();
        half.halfClose = true;
        TcpConnection c2 = open(io2, half);
        io2.eof = true;
        c2.onReady(OP_READ);
        assertThat(io2.closed).isFalse();
        assertThat(io2.interest).isZero();
        c2.write("answer after EOF");
        c2.loseWriteConnection();
        loop.flushAll();
        assertThat(io2.written.toString()).isEqualTo("answer after EOF");
        assertThat(io2.outputShut).isTrue();
        assertThat(io2.closed).isTrue();
        assertThat(half.lost).containsExactly(ConnectionDone.INSTANCE);
    }
}
