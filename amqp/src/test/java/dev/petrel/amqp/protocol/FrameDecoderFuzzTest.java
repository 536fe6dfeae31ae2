package dev.petrel.amqp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.petrel.amqp.protocol.Frames.Recorder;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a peer sends, the decoder either decodes it or throws {@link AmqpException}: never another exception,
 * which would escape the connection's error handling.
 */
class FrameDecoderFuzzTest {
    private static final List<Method> SAMPLES = MethodSamples.all();

    @Provide
    Arbitrary<byte[]> validFrames() {
        return Arbitraries.of(SAMPLES).map(m -> MethodSamples.frame(1, m));
    }

    @Provide
    Arbitrary<Integer> frameMaxes() {
        return Arbitraries.of(0, 4096, 131072);
    }

    /** Feeds {@code input} whole to one decoder and an octet at a time to another. */
    private static void decodesOrRefuses(byte[] input, int frameMax) {
        feed(new FrameDecoder(new Recorder(), frameMax), List.of(input));
        List<byte[]> octets = new java.util.ArrayList<>();
        for (byte b : input) {
            octets.add(new byte[] {b});
        }
        feed(new FrameDecoder(new Recorder(), frameMax), octets);
    }

    private static void feed(FrameDecoder d, List<byte[]> chunks) {
        try {
            for (byte[] c : chunks) {
                d.feed(ByteBuffer.wrap(c));
            }
        } catch (AmqpException e) {
            assertThat(e.replyCode()).isIn(Amqp.FRAME_ERROR, Amqp.UNEXPECTED_FRAME, Amqp.NOT_IMPLEMENTED);
        } catch (Throwable t) {
            fail("not an AmqpException", t);
        }
    }

    @Property(tries = 1000)
    void randomBytes(@ForAll @Size(max = 300) byte[] input, @ForAll("frameMaxes") int frameMax) {
        decodesOrRefuses(input, frameMax);
    }

    @Property(tries = 1000)
    void randomMethodFrames(@ForAll @Size(max = 200) byte[] arguments, @ForAll("frameMaxes") int frameMax) {
        // a well-formed frame around arbitrary arguments: the method decoders see garbage
        decodesOrRefuses(Frames.raw(Amqp.FRAME_METHOD, 1, arguments), frameMax);
    }

    @Property(tries = 1000)
    void argumentsCutShortInAWellFormedFrame(
            @ForAll("validFrames") byte[] frame, @ForAll @IntRange(max = 1000) int at) {
        int payload = frame.length - 8;
        int keep = at % (payload + 1);
        byte[] cut = Frames.raw(Amqp.FRAME_METHOD, 1, Arrays.copyOfRange(frame, 7, 7 + keep));
        decodesOrRefuses(cut, 0);
    }

    @Property(tries = 1000)
    void oneOctetChanged(
            @ForAll("validFrames") byte[] frame, @ForAll @IntRange(max = 1000) int at, @ForAll byte value) {
        byte[] changed = frame.clone();
        changed[at % changed.length] = value;
        decodesOrRefuses(changed, 131072);
    }

    @Property(tries = 500)
    void truncatedFramesFollowedByNoise(
            @ForAll("validFrames") byte[] frame,
            @ForAll @IntRange(max = 1000) int at,
            @ForAll @Size(max = 40) byte[] noise) {
        byte[] truncated = Arrays.copyOf(frame, at % frame.length);
        decodesOrRefuses(Frames.concat(truncated, noise), 4096);
    }

    @Property(tries = 500)
    void randomPropertyLists(@ForAll @Size(max = 100) byte[] raw) {
        try {
            BasicProperties.decode(raw, 0, raw.length);
        } catch (AmqpException e) {
            assertThat(e.replyCode()).isEqualTo(Amqp.FRAME_ERROR);
        } catch (Throwable t) {
            fail("not an AmqpException", t);
        }
    }
}
