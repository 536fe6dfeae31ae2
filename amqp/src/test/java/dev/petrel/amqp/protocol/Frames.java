package dev.petrel.amqp.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test plumbing for the frame codec: a handler that records what it is called with, and byte helpers. */
final class Frames {
    private static final HexFormat HEX = HexFormat.of();

    private Frames() {}

    /** A decoder callback, with its buffers copied out (they are only valid during the call). */
    record Event(String kind, int channel, Object value) {}

    /** Records every callback; methods as their records, headers and bodies as hex. */
    static final class Recorder implements FrameDecoder.Handler {
        final List<Event> events = new ArrayList<>();

        @Override
        public void onMethod(int channel, Method method) {
            events.add(new Event("method", channel, method));
        }

        @Override
        public void onContentHeader(int channel, int classId, long bodySize, ByteBuffer properties) {
            events.add(new Event("header", channel, classId + "/" + bodySize + "/" + hex(properties)));
        }

        @Override
        public void onContentBody(int channel, ByteBuffer body) {
            events.add(new Event("body", channel, hex(body)));
        }

        @Override
        public void onHeartbeat() {
            events.add(new Event("heartbeat", 0, null));
        }
    }

    /** Everything an encoder holds. */
    static byte[] bytes(FrameEncoder out) {
        ByteBuffer b = out.buffer();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /** The remaining bytes as hex, leaving the buffer's position alone. */
    static String hex(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] a = new byte[d.remaining()];
        d.get(a);
        return HEX.formatHex(a);
    }

    static byte[] unhex(String spaced) {
        return HEX.parseHex(spaced.replace(" ", ""));
    }

    /** Feeds the chunks, in order, to a fresh decoder; returns the callbacks. */
    static List<Event> decode(int frameMax, List<byte[]> chunks) {
        Recorder r = new Recorder();
        FrameDecoder d = new FrameDecoder(r, frameMax);
        for (byte[] chunk : chunks) {
            d.feed(ByteBuffer.wrap(chunk));
        }
        return r.events;
    }

    static List<Event> decode(byte[] whole) {
        return decode(0, List.of(whole));
    }

    /** A frame with any type, channel and payload, and a chosen end octet. */
    static byte[] raw(int type, int channel, byte[] payload, int end) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put((byte) type)
                .putShort((short) channel)
                .putInt(payload.length)
                .put(payload)
                .put((byte) end);
        return b.array();
    }

    static byte[] raw(int type, int channel, byte[] payload) {
        return raw(type, channel, payload, Amqp.FRAME_END);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
