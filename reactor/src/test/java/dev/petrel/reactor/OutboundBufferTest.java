package dev.petrel.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutboundBufferTest {
    private final BufferPool pool = new BufferPool(4, 2);
    private final OutboundBuffer out = new OutboundBuffer(pool);
    private final FakeIo io = new FakeIo();

    @Test
    void smallAndLargeWritesGoOutInOrderAcrossChunkSizes() throws Exception {
        Random rnd = new Random(3);
        java.io.ByteArrayOutputStream want = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[rnd.nextInt(3) == 0 ? rnd.nextInt(40_000) : rnd.nextInt(300)];
            rnd.nextBytes(b);
            want.write(b);
            out.append(ByteBuffer.wrap(b));
            if (rnd.nextInt(4) == 0) {
                io.writeBudget = rnd.nextInt(50_000);
                out.writeTo(io);
            }
        }
        io.writeBudget = Long.MAX_VALUE;
        while (!out.isEmpty()) {
            out.writeTo(io);
        }
        assertThat(io.written.toByteArray()).isEqualTo(want.toByteArray());
    }

    @Test
    void aSmallReplyTakesASmallChunkAndChunksAreReused() throws Exception {
        out.append(ByteBuffer.wrap(new byte[64]));
        out.writeTo(io);
        assertThat(pool.pooled()).isOne();
        ByteBuffer again = pool.take(64);
        assertThat(again.capacity()).isEqualTo(BufferPool.SMALL);
        assertThat(pool.pooled()).isZero();
        assertThat(pool.take(BufferPool.SMALL + 1).capacity()).isEqualTo(BufferPool.CHUNK);
    }
}
