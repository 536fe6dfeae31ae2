package dev.petrel.reactor;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** {@link ChannelIo} over a non-blocking {@link SocketChannel} registered with its loop's selector. */
final class SocketIo implements ChannelIo {
    private final SocketChannel channel;
    private final SelectionKey key;
    private final SocketAddress local;
    private final SocketAddress remote;

    SocketIo(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
        this.local = addressOrNull(channel, true);
        this.remote = addressOrNull(channel, false);
    }

    private static SocketAddress addressOrNull(SocketChannel ch, boolean local) {
        try {
            return local ? ch.getLocalAddress() : ch.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return length == 1 ? channel.write(srcs[offset]) : channel.write(srcs, offset, length);
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket that already failed: nothing left to do
        }
    }

    @Override
    public void interestOps(int ops) {
        if (key.isValid()) {
            key.interestOps(ops);
        }
    }

    @Override
    public void setTcpNoDelay(boolean on) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, on);
    }

    @Override
    public SocketAddress localAddress() {
        return local;
    }

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }
}
