package dev.petrel.reactor;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The few socket calls a connection makes, behind a seam so that partial writes, resets and readiness can be played
 * out in unit tests without a socket. The real one is {@link SocketIo}.
 */
interface ChannelIo {

    /** As {@link java.nio.channels.SocketChannel#read(ByteBuffer)}: bytes read, 0, or -1 at end of stream. */
    int read(ByteBuffer dst) throws IOException;

    /** As a gathering {@link java.nio.channels.SocketChannel#write(ByteBuffer[], int, int)}. */
    long write(ByteBuffer[] srcs, int offset, int length) throws IOException;

    void shutdownOutput() throws IOException;

    /** Deregisters and closes; never throws. */
    void close();

    /** The selection interest, {@link java.nio.channels.SelectionKey} bits; called only when it changes. */
    void interestOps(int ops);

    void setTcpNoDelay(boolean on) throws IOException;

    SocketAddress localAddress();

    SocketAddress remoteAddress();
}
