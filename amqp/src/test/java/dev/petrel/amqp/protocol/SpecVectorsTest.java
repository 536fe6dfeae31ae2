package dev.petrel.amqp.protocol;

import static dev.petrel.amqp.protocol.Frames.unhex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.protocol.Frames.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Frames written out by hand from the spec's grammar (type, channel, size, class id, method id, arguments, 0xCE; bits
 * packed low bit first into one octet), against what the encoder writes and what the decoder reads.
 */
class SpecVectorsTest {

    private static void assertVector(int channel, Method m, String hex) {
        byte[] expected = unhex(hex);
        assertThat(MethodSamples.frame(channel, m)).isEqualTo(expected);
        List<Event> events = Frames.decode(expected);
        assertThat(events).containsExactly(new Event("method", channel, m));
    }

    @Test
    void basicAck() {
        assertVector(1, new BasicAck(5, true), "01 0001 0000000D 003C 0050 0000000000000005 01 CE");
        assertVector(1, new BasicAck(0x0102030405060708L, false), "01 0001 0000000D 003C 0050 0102030405060708 00 CE");
    }

    @Test
    void connectionTuneOk() {
        assertVector(0, new ConnectionTuneOk(2047, 131072, 60), "01 0000 0000000C 000A 001F 07FF 00020000 003C CE");
        assertVector(0, new ConnectionTuneOk(65535, 0, 0), "01 0000 0000000C 000A 001F FFFF 00000000 0000 CE");
    }

    @Test
    void queueDeclarePacksItsFiveBitsInOneOctet() {
        String head = "01 0001 0000000D 0032 000A 0000 01 71 ";
        String tail = " 00000000 CE";
        Map<String, Object> none = Map.of();
        assertVector(1, new QueueDeclare("q", false, true, false, true, false, none), head + "0A" + tail);
        assertVector(1, new QueueDeclare("q", true, false, false, false, false, none), head + "01" + tail);
        assertVector(1, new QueueDeclare("q", false, false, false, false, true, none), head + "10" + tail);
        assertVector(1, new QueueDeclare("q", true, true, true, true, true, none), head + "1F" + tail);
        assertVector(1, new QueueDeclare("q", false, false, false, false, false, none), head + "00" + tail);
    }

    @Test
    void bitsAfterALongLongShareOneOctet() {
        assertVector(3, new BasicNack(9, true, true), "01 0003 0000000D 003C 0078 0000000000000009 03 CE");
        assertVector(3, new BasicNack(9, false, true), "01 0003 0000000D 003C 0078 0000000000000009 02 CE");
    }

    @Test
    void basicPublishWithATableInAQueueDeclare() {
        assertVector(
                1, new BasicPublish("ex", "rk", true, false), "01 0001 0000000D 003C 0028 0000 02 6578 02 726B 01 CE");
        assertVector(
                1,
                new QueueDeclare("", false, false, true, false, false, Map.of("a", 1)),
                "01 0001 00000013 0032 000A 0000 00 04 00000007 01 61 49 00000001 CE");
    }

    @Test
    void basicDeliverWrittenDirectlyIsTheSameFrameAsTheRecord() {
        String hex = "01 0002 00000018 003C 003C 04 63746167 0000000000000001 01 02 6578 02 726B CE";
        assertVector(2, new BasicDeliver("ctag", 1, true, "ex", "rk"), hex);
        for (boolean redelivered : new boolean[] {false, true}) {
            for (String tag : new String[] {"", "amq.ctag-é", "c".repeat(255)}) {
                FrameEncoder direct = new FrameEncoder(16);
                direct.writeDeliver(65535, tag, Long.MAX_VALUE - 3, redelivered, "amq.topic", "a.b.中");
                byte[] viaRecord = MethodSamples.frame(
                        65535, new BasicDeliver(tag, Long.MAX_VALUE - 3, redelivered, "amq.topic", "a.b.中"));
                assertThat(Frames.bytes(direct)).isEqualTo(viaRecord);
            }
        }
    }

    @Test
    void contentHeaderBodyAndHeartbeat() {
        FrameEncoder out = new FrameEncoder(16);
        byte[] props = new BasicProperties(
                        "text/plain", null, null, 2, null, null, null, null, null, null, null, null, null, null)
                .encode();
        assertThat(props).isEqualTo(unhex("9000 0A 746578742F706C61696E 02"));
        out.writeContentHeader(1, 60, 5, props, 0, props.length);
        out.writeBody(1, "abc".getBytes(), 0, 3, 4096);
        out.writeHeartbeat();
        assertThat(Frames.bytes(out))
                .isEqualTo(unhex("02 0001 0000001A 003C 0000 0000000000000005 9000 0A 746578742F706C61696E 02 CE"
                        + "03 0001 00000003 616263 CE"
                        + "08 0000 00000000 CE"));
    }

    @Test
    void bodiesAreCutAtFrameMaxLessEightOctets() {
        FrameEncoder out = new FrameEncoder(16);
        out.writeBody(4, "0123456789".getBytes(), 0, 10, 12);
        assertThat(Frames.bytes(out))
                .isEqualTo(unhex("03 0004 00000004 30313233 CE 03 0004 00000004 34353637 CE 03 0004 00000002 3839 CE"));
        FrameEncoder none = new FrameEncoder(16);
        none.writeBody(4, new byte[0], 0, 0, 12);
        assertThat(none.isEmpty()).isTrue();
    }

    @Test
    void protocolHeader() {
        FrameEncoder out = new FrameEncoder(0);
        out.writeProtocolHeader();
        assertThat(Frames.bytes(out)).isEqualTo(unhex("414D5150 00 00 09 01"));
        assertThat(Amqp.isSupportedHeader(out.buffer())).isTrue();
        assertThat(Amqp.isSupportedHeader(java.nio.ByteBuffer.wrap(unhex("414D5150 01 01 00 09"))))
                .isFalse();
    }
}
