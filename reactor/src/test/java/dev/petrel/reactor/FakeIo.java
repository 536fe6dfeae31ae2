package dev.petrel.reactor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/** A scripted socket: what reads return, how much each write takes, and a record of what happened. */
final class FakeIo implements ChannelIo {
    final Deque<byte[]> inbound = new ArrayDeque<>();
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    /** Bytes the socket takes before it is "full"; a test refills it to model the peer reading. */
    long writeBudget = Long.MAX_VALUE;

    int writeCalls;
    boolean eof;
    IOException writeFailure;
    int interest = -1;
    boolean closed;
    boolean outputShut;

    @Override
    public int read(ByteBuffer dst) {
        if (inbound.isEmpty()) {
            return eof ? -1 : 0;
        }
        byte[] next = inbound.poll();
        int n = Math.min(next.length, dst.remaining());
        dst.put(next, 0, n);
        if (n < next.length) {
            inbound.push(java.util.Arrays.copyOfRange(next, n, next.length));
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        writeCalls++;
        if (writeFailure != null) {
            throw writeFailure;
        }
        long total = 0;
        for (int i = offset; i < offset + length && writeBudget > 0; i++) {
            ByteBuffer b = srcs[i];
            int n = (int) Math.min(b.remaining(), writeBudget);
            byte[] chunk = new byte[n];
            b.get(chunk);
            written.write(chunk, 0, n);
            writeBudget -= n;
            total += n;
        }
        return total;
    }

    @Override
    public void shutdownOutput() {
        outputShut = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void interestOps(int ops) {
        interest = ops;
    }

    @Override
    public void setTcpNoDelay(boolean on) {}

    @Override
    public SocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public SocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 2);
    }
}
