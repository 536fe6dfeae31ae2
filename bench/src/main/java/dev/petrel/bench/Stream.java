package dev.petrel.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Streaming echo on one connection: keep writing blocks while reading the echo back, with at
 * most {@code maxInFlight} bytes written and not yet echoed (so a server that never pushes back
 * cannot make the client buffer without bound). Counts the bytes echoed inside the window.
 */
final class Stream {
    private Stream() {}

    /** Bytes echoed inside the window, and the window's length. */
    record Result(long bytes, long windowNanos) {
        double mibPerSecond() {
            return bytes / (1024.0 * 1024.0) * 1e9 / windowNanos;
        }
    }

    static Result run(InetSocketAddress server, int blockSize, long maxInFlight, long warmupNanos, long measureNanos)
            throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(blockSize);
        for (int i = 0; i < blockSize; i++) {
            block.put(i, (byte) i);
        }
        ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
        long written = 0;
        long echoed = 0;
        long counted = 0;
        try (SocketChannel ch = SocketChannel.open(server);
                Selector selector = Selector.open()) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.configureBlocking(false);
            SelectionKey key = ch.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            long windowStart = System.nanoTime() + warmupNanos;
            long windowEnd = windowStart + measureNanos;
            long now;
            block.position(blockSize); // nothing pending: the first turn starts a block
            while ((now = System.nanoTime()) < windowEnd) {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(windowEnd - now)));
                selector.selectedKeys().clear();
                int n;
                while ((n = ch.read(in.clear())) > 0) {
                    echoed += n;
                    long t = System.nanoTime();
                    if (t >= windowStart && t <= windowEnd) {
                        counted += n;
                    }
                }
                if (n < 0) {
                    throw new IOException("server closed the connection");
                }
                // Write while the window allows: finish the pending block, start the next one.
                while (true) {
                    if (!block.hasRemaining()) {
                        if (written - echoed + blockSize > maxInFlight) {
                            break;
                        }
                        block.clear();
                    }
                    int w = ch.write(block);
                    written += w;
                    if (w == 0) {
                        break;
                    }
                }
                boolean wantWrite = block.hasRemaining() || written - echoed + blockSize <= maxInFlight;
                key.interestOps(SelectionKey.OP_READ | (wantWrite ? SelectionKey.OP_WRITE : 0));
            }
        }
        if (echoed > written) {
            throw new IOException("echoed " + echoed + " bytes but wrote only " + written);
        }
        return new Result(counted, measureNanos);
    }
}
