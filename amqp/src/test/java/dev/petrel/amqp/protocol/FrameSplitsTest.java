package dev.petrel.amqp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.protocol.Frames.Event;
import dev.petrel.amqp.protocol.Frames.Recorder;
import dev.petrel.reactor.testing.Splits;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decoder resumes across any cut: every chunking of one input gives the same callbacks as the whole input. */
class FrameSplitsTest {

    /** A publish as clients send it: method, content header, two body frames, then a heartbeat. */
    private static byte[] publishAndHeartbeat() {
        FrameEncoder out = new FrameEncoder(64);
        out.writeMethod(5, new BasicPublish("amq.direct", "key-é", true, false));
        byte[] props = new BasicProperties(
                        "application/json",
                        null,
                        Map.of("h", LongString.of("v")),
                        2,
                        7,
                        "corr",
                        null,
                        null,
                        null,
                        1_700_000_000L,
                        null,
                        null,
                        null,
                        null)
                .encode();
        out.writeContentHeader(5, 60, 7, props, 0, props.length);
        out.writeBody(5, "hello, world".getBytes(), 0, 7, 12); // frame_max 12: bodies of 4 and 3
        out.writeHeartbeat();
        out.writeMethod(5, new QueueDeclare("q", false, true, false, false, false, Map.of("x", 1L)));
        return Frames.bytes(out);
    }

    @Test
    void everyChunkingGivesTheSameCallbacks() {
        byte[] input = publishAndHeartbeat();
        List<Event> whole = Frames.decode(input);
        assertThat(whole)
                .extracting(Event::kind)
                .containsExactly("method", "header", "body", "body", "heartbeat", "method");
        assertThat(whole.get(2).value()).isEqualTo("68656c6c");
        assertThat(whole.get(3).value()).isEqualTo("6f2c20");
        List<List<byte[]>> splits = Splits.of(input, 50, Splits.DEFAULT_SEED);
        assertThat(splits).hasSizeGreaterThan(input.length);
        for (List<byte[]> chunks : splits) {
            assertThat(Frames.decode(4096, chunks))
                    .as("split %s", Splits.describe(chunks))
                    .isEqualTo(whole);
        }
    }

    @Test
    void holdsAPartialFrameOnlyUntilItCompletes() {
        byte[] input = publishAndHeartbeat();
        Recorder r = new Recorder();
        FrameDecoder d = new FrameDecoder(r, 4096);
        assertThat(d.isIdle()).isTrue();
        d.feed(ByteBuffer.wrap(input, 0, 3));
        assertThat(d.isIdle()).isFalse();
        assertThat(r.events).isEmpty();
        d.feed(ByteBuffer.wrap(input, 3, input.length - 4));
        assertThat(d.isIdle()).isFalse();
        assertThat(r.events).hasSize(5);
        d.feed(ByteBuffer.wrap(input, input.length - 1, 1));
        assertThat(d.isIdle()).isTrue();
        assertThat(r.events).hasSize(6);
    }

    @Test
    void consumesItsInputAndReadsFromTheBuffersPosition() {
        byte[] frame = MethodSamples.frame(1, new BasicAck(3, false));
        byte[] padded = Frames.concat(new byte[] {9, 9, 9}, frame, new byte[] {8});
        ByteBuffer in = ByteBuffer.wrap(padded, 3, frame.length);
        Recorder r = new Recorder();
        new FrameDecoder(r, 0).feed(in);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(r.events).containsExactly(new Event("method", 1, new BasicAck(3, false)));
    }

    @Test
    void aLargeBodyFrameInPiecesThenMoreFrames() {
        byte[] body = new byte[200_000];
        Arrays.fill(body, (byte) 'z');
        body[0] = 'a';
        body[body.length - 1] = 'b';
        FrameEncoder out = new FrameEncoder(64);
        out.writeBody(2, body, 0, body.length, 0);
        out.writeHeartbeat();
        out.writeBody(2, body, 0, 3, 0);
        byte[] input = Frames.bytes(out);
        int third = input.length / 3;
        List<Event> events = Frames.decode(
                0,
                List.of(
                        Arrays.copyOfRange(input, 0, third),
                        Arrays.copyOfRange(input, third, 2 * third),
                        Arrays.copyOfRange(input, 2 * third, input.length)));
        assertThat(events).hasSize(3);
        String big = (String) events.get(0).value();
        assertThat(big).hasSize(400_000).startsWith("617a").endsWith("7a62");
        assertThat(events.get(1).kind()).isEqualTo("heartbeat");
        assertThat(events.get(2)).isEqualTo(new Event("body", 2, "617a7a"));
    }
}
