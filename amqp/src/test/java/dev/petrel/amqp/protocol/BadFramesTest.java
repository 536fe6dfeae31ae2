package dev.petrel.amqp.protocol;

import static dev.petrel.amqp.protocol.Frames.raw;
import static dev.petrel.amqp.protocol.Frames.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.petrel.amqp.protocol.Frames.Recorder;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way a peer can break framing is an {@link AmqpException} with the spec's code, and a connection error. */
class BadFramesTest {

    private static AmqpException refused(int frameMax, byte[] input) {
        Recorder r = new Recorder();
        AmqpException e = catchThrowableOfType(
                () -> new FrameDecoder(r, frameMax).feed(ByteBuffer.wrap(input)), AmqpException.class);
        assertThat(e).as("no AmqpException").isNotNull();
        assertThat(e.isConnectionError()).isTrue();
        assertThat(r.events).isEmpty();
        return e;
    }

    private static void frameError(byte[] input) {
        assertThat(refused(131072, input).replyCode()).isEqualTo(Amqp.FRAME_ERROR);
    }

    /** A method frame with the given class, method and argument bytes. */
    private static byte[] method(int classId, int methodId, String argsHex) {
        byte[] args = unhex(argsHex);
        ByteBuffer p = ByteBuffer.allocate(4 + args.length)
                .putShort((short) classId)
                .putShort((short) methodId)
                .put(args);
        return raw(Amqp.FRAME_METHOD, 1, p.array());
    }

    @Test
    void wrongEndOctet() {
        byte[] ok = MethodSamples.frame(1, new BasicAck(1, false));
        ok[ok.length - 1] = 0;
        frameError(ok);
        frameError(raw(Amqp.FRAME_HEARTBEAT, 0, new byte[0], 0xCD));
    }

    @Test
    void frameLargerThanFrameMaxIsRefusedFromItsHeaderAlone() {
        byte[] big = raw(Amqp.FRAME_BODY, 1, new byte[4089]); // 4098 octets in all
        assertThat(refused(4096, big).replyText()).contains("frame_max 4096");
        byte[] exact = raw(Amqp.FRAME_BODY, 1, new byte[4088]);
        assertThat(Frames.decode(4096, List.of(exact))).hasSize(1);
        // only the 7-octet header has arrived: the claimed size is refused before any payload
        assertThat(refused(4096, header(Amqp.FRAME_BODY, 1, 5000)).replyCode()).isEqualTo(Amqp.FRAME_ERROR);
    }

    @Test
    void aHeaderClaiming2To31OctetsIsRefusedAtOnceEvenWithoutALimit() {
        byte[] header = header(Amqp.FRAME_BODY, 1, 1L << 31);
        assertThat(refused(0, header).replyCode()).isEqualTo(Amqp.FRAME_ERROR);
        assertThat(refused(131072, header).replyCode()).isEqualTo(Amqp.FRAME_ERROR);
        assertThat(refused(0, header(Amqp.FRAME_METHOD, 0, 0xFFFFFFFFL)).replyCode())
                .isEqualTo(Amqp.FRAME_ERROR);
        // the same header arriving an octet at a time
        FrameDecoder d = new FrameDecoder(new Recorder(), 0);
        AmqpException e = catchThrowableOfType(
                () -> {
                    for (byte b : header) {
                        d.feed(ByteBuffer.wrap(new byte[] {b}));
                    }
                },
                AmqpException.class);
        assertThat(e.replyCode()).isEqualTo(Amqp.FRAME_ERROR);
    }

    @Test
    void unknownFrameType() {
        frameError(raw(4, 0, new byte[0]));
        frameError(raw(0, 0, new byte[0]));
        frameError(raw('A', 'M', new byte[] {'Q', 'P'}));
    }

    @Test
    void heartbeatOnAChannel() {
        // RabbitMQ's reader treats it as a frame out of place, not a malformed one
        assertThat(refused(131072, raw(Amqp.FRAME_HEARTBEAT, 1, new byte[0])).replyCode())
                .isEqualTo(Amqp.UNEXPECTED_FRAME);
    }

    @Test
    void methodFrameShorterThanItsIds() {
        frameError(raw(Amqp.FRAME_METHOD, 1, new byte[0]));
        frameError(raw(Amqp.FRAME_METHOD, 1, unhex("003C00")));
    }

    @Test
    void contentHeaderShorterThanItsFixedFields() {
        frameError(raw(Amqp.FRAME_HEADER, 1, unhex("003C 0000 0000000000000005 90")));
    }

    @Test
    void unknownMethodIs540WithItsIds() {
        AmqpException e = refused(0, method(60, 999, ""));
        assertThat(e.replyCode()).isEqualTo(Amqp.NOT_IMPLEMENTED);
        assertThat(e.classId()).isEqualTo(60);
        assertThat(e.methodId()).isEqualTo(999);
        assertThat(refused(0, method(70, 10, "")).replyCode()).isEqualTo(Amqp.NOT_IMPLEMENTED);
        // 40/41 does not exist: exchange.unbind-ok is 40/51
        assertThat(refused(0, method(40, 41, "")).replyCode()).isEqualTo(Amqp.NOT_IMPLEMENTED);
    }

    @Test
    void truncatedArguments() {
        frameError(method(60, 80, "00000000")); // basic.ack: 4 of the tag's 8 octets
        frameError(method(60, 80, "0000000000000001")); // the bit octet missing
        frameError(method(60, 40, "0000 05 6578")); // a short string longer than what is left
        frameError(method(10, 11, "00000000 05 504C41494E 0000000A 00")); // long string past the frame
        frameError(method(10, 11, "00000000 05 504C41494E 80000000")); // negative long string length
    }

    @Test
    void badFieldTableTypeLetter() {
        // queue.declare "q" with arguments {a: 'Z' ...}
        frameError(method(50, 10, "0000 01 71 00 00000003 01 61 5A"));
    }

    @Test
    void tableLengthPastTheFrame() {
        frameError(method(50, 10, "0000 01 71 00 000003E8"));
        frameError(method(50, 10, "0000 01 71 00 FFFFFFFF"));
        frameError(method(50, 10, "0000 01 71 00 0000")); // the length itself cut
        // an entry whose value runs past the table's own length
        frameError(method(50, 10, "0000 01 71 00 00000004 01 61 49 00 00000001"));
    }

    /** A frame header alone, with a claimed size that may not fit an int. */
    private static byte[] header(int type, int channel, long size) {
        return ByteBuffer.allocate(7)
                .put((byte) type)
                .putShort((short) channel)
                .putInt((int) size)
                .array();
    }
}
