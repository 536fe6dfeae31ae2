package dev.petrel.amqp.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A resumable frame decoder: feed it whatever arrived and it calls its handler once per complete frame, decoding
 * method frames into records. Complete frames are read in place from the input; only a frame cut by the end of the
 * input is copied, to be finished by the next feed. A bad frame (wrong end octet, larger than frame_max, unknown type,
 * malformed method) is an {@link AmqpException} with 501 FRAME_ERROR, or 540 for an unknown method.
 */
public final class FrameDecoder {
    /** What the decoder calls; buffers it passes are valid only during the call. */
    public interface Handler {
        void onMethod(int channel, Method method);

        /** {@code properties}: the flags word(s) and the property list. */
        void onContentHeader(int channel, int classId, long bodySize, ByteBuffer properties);

        void onContentBody(int channel, ByteBuffer body);

        void onHeartbeat();
    }

    private static final int HEADER = 7;
    private final Handler handler;
    private final ArgumentReader args = new ArgumentReader();
    private int frameMax;
    private byte[] partial = new byte[0];
    private int partialLength;

    public FrameDecoder(Handler handler, int frameMax) {
        this.handler = handler;
        this.frameMax = frameMax;
    }

    public void setFrameMax(int frameMax) {
        this.frameMax = frameMax;
    }

    /** True when no partial frame is held. */
    public boolean isIdle() {
        return partialLength == 0;
    }

    public void feed(ByteBuffer data) {
        if (partialLength > 0 && !finishPartial(data)) {
            return;
        }
        while (data.remaining() >= HEADER) {
            int start = data.position();
            int total = frameLength(data, start);
            if (data.remaining() < total) {
                break;
            }
            frame(data, start, total);
        }
        if (data.hasRemaining()) {
            keep(data);
        }
    }

    /** Whole frame length (header, payload, end octet) after checking it against frame_max. */
    private int frameLength(ByteBuffer b, int start) {
        long size = b.getInt(start + 3) & 0xFFFFFFFFL;
        long total = size + HEADER + 1;
        if (frameMax != 0 && total > frameMax || total > Integer.MAX_VALUE - 16) {
            throw new AmqpException(
                    Amqp.FRAME_ERROR,
                    "FRAME_ERROR - type " + (b.get(start) & 0xFF) + ", frame size " + total
                            + " is larger than frame_max " + frameMax);
        }
        return (int) total;
    }

    /** Adds input to the held partial frame; true once it is complete and handled. */
    private boolean finishPartial(ByteBuffer data) {
        if (partialLength < HEADER) {
            int n = Math.min(HEADER - partialLength, data.remaining());
            append(data, n);
            if (partialLength < HEADER) {
                return false;
            }
        }
        int total = frameLength(ByteBuffer.wrap(partial, 0, partialLength), 0);
        int n = Math.min(total - partialLength, data.remaining());
        append(data, n);
        if (partialLength < total) {
            return false;
        }
        ByteBuffer whole = ByteBuffer.wrap(partial, 0, total);
        partialLength = 0;
        frame(whole, 0, total);
        if (partial.length > 64 * 1024) {
            partial = new byte[0];
        }
        return true;
    }

    private void keep(ByteBuffer data) {
        if (data.remaining() >= HEADER) {
            frameLength(data, data.position()); // refuse an oversized frame before holding any of it
        }
        append(data, data.remaining());
    }

    private void append(ByteBuffer data, int n) {
        if (partialLength + n > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + n, Math.min(partial.length * 2 + 64, 1 << 20)));
        }
        data.get(partial, partialLength, n);
        partialLength += n;
    }

    /** Handles the frame at {@code start}; leaves {@code b} positioned after it. */
    private void frame(ByteBuffer b, int start, int total) {
        int type = b.get(start) & 0xFF;
        int channel = b.getShort(start + 1) & 0xFFFF;
        int end = start + total - 1;
        if ((b.get(end) & 0xFF) != Amqp.FRAME_END) {
            throw new AmqpException(
                    Amqp.FRAME_ERROR,
                    "FRAME_ERROR - type " + type + ", frame end octet is " + (b.get(end) & 0xFF) + ", not 206");
        }
        int limit = b.limit();
        b.limit(end).position(start + HEADER);
        try {
            switch (type) {
                case Amqp.FRAME_METHOD -> method(b, channel);
                case Amqp.FRAME_HEADER -> header(b, channel);
                case Amqp.FRAME_BODY -> handler.onContentBody(channel, b);
                case Amqp.FRAME_HEARTBEAT -> {
                    if (channel != 0) {
                        throw new AmqpException(
                                Amqp.UNEXPECTED_FRAME, "UNEXPECTED_FRAME - heartbeat frame on channel " + channel);
                    }
                    handler.onHeartbeat();
                }
                default -> throw new AmqpException(Amqp.FRAME_ERROR, "FRAME_ERROR - unknown frame type " + type);
            }
        } finally {
            b.limit(limit).position(end + 1);
        }
    }

    private void method(ByteBuffer b, int channel) {
        if (b.remaining() < 4) {
            throw new AmqpException(Amqp.FRAME_ERROR, "FRAME_ERROR - method frame shorter than its ids");
        }
        int classId = b.getShort() & 0xFFFF;
        int methodId = b.getShort() & 0xFFFF;
        args.reset(b);
        Method m = Methods.decode(classId, methodId, args);
        if (b.hasRemaining()) {
            // RabbitMQ decodes arguments by their exact layout: anything left over is a malformed frame
            throw new AmqpException(
                    Amqp.FRAME_ERROR,
                    "FRAME_ERROR - cannot decode arguments of method " + m.name() + ": " + b.remaining()
                            + " bytes left over",
                    classId,
                    methodId);
        }
        handler.onMethod(channel, m);
    }

    private void header(ByteBuffer b, int channel) {
        if (b.remaining() < 14) {
            throw new AmqpException(Amqp.FRAME_ERROR, "FRAME_ERROR - content header frame is truncated");
        }
        int classId = b.getShort() & 0xFFFF;
        b.getShort(); // weight
        long bodySize = b.getLong();
        handler.onContentHeader(channel, classId, bodySize, b);
    }
}
