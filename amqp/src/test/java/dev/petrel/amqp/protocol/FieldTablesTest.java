package dev.petrel.amqp.protocol;

import static dev.petrel.amqp.protocol.Frames.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The type letters the codec only reads, the Java types it maps on writing, and its limits. */
class FieldTablesTest {

    private static Map<String, Object> read(String hex) {
        return FieldTables.readTable(ByteBuffer.wrap(unhex(hex)));
    }

    @Test
    void lettersOthersWriteAreRead() {
        Map<String, Object> t = read("0000001F"
                + "01 61 42 FF" // B unsigned octet
                + "01 62 75 FFFF" // u unsigned short
                + "01 63 69 FFFFFFFF" // i unsigned long
                + "01 64 44 02 000004D2" // D decimal 12.34
                + "01 65 56" // V void
                + "01 66 74 02"); // t any non-zero octet is true
        assertThat(t).containsKeys("a", "b", "c", "d", "e", "f").hasSize(6);
        assertThat(t.keySet()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(t.get("a")).isEqualTo((short) 255);
        assertThat(t.get("b")).isEqualTo(65535);
        assertThat(t.get("c")).isEqualTo(0xFFFFFFFFL);
        assertThat(t.get("d")).isEqualTo(new BigDecimal("12.34"));
        assertThat(t.get("e")).isNull();
        assertThat(t.get("f")).isEqualTo(true);
    }

    @Test
    void javaTypesMapToTheirLetters() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("s", "text");
        t.put("d", new Date(1_234_567));
        byte[] encoded = FieldTables.encodeTable(t);
        assertThat(encoded).isEqualTo(unhex("00000016 01 73 53 00000004 74657874 01 64 54 00000000000004D2"));
        assertThat(FieldTables.readTable(ByteBuffer.wrap(encoded)))
                .containsExactly(Map.entry("s", LongString.of("text")), Map.entry("d", Instant.ofEpochSecond(1234)));
    }

    @Test
    void aNullTableIsEmpty() {
        assertThat(FieldTables.encodeTable(null)).isEqualTo(new byte[4]);
    }

    @Test
    void anUnknownJavaTypeIsRefusedOnWriting() {
        assertThatThrownBy(() -> FieldTables.encodeTable(Map.of("k", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nestingIsBounded() {
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> inner = deep;
        for (int i = 0; i < 70; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            inner.put("n", next);
            inner = next;
        }
        byte[] encoded = FieldTables.encodeTable(deep);
        assertThatThrownBy(() -> FieldTables.readTable(ByteBuffer.wrap(encoded)))
                .isInstanceOfSatisfying(
                        AmqpException.class, e -> assertThat(e.replyCode()).isEqualTo(Amqp.FRAME_ERROR));
        List<Object> arrays = new ArrayList<>();
        List<Object> a = arrays;
        for (int i = 0; i < 70; i++) {
            List<Object> next = new ArrayList<>();
            a.add(next);
            a = next;
        }
        byte[] nestedArrays = FieldTables.encodeTable(Map.of("a", arrays));
        assertThatThrownBy(() -> FieldTables.readTable(ByteBuffer.wrap(nestedArrays)))
                .isInstanceOf(AmqpException.class);
    }

    @Test
    void anyTimestampTheWireCanCarryIsAFrameErrorOrAValue() {
        // 'T' is a signed 64-bit count of seconds; Instant cannot hold the extremes
        for (String seconds : new String[] {"7FFFFFFFFFFFFFFF", "8000000000000000", "FFFFFFFFFFFFFFFF"}) {
            ByteBuffer in = ByteBuffer.wrap(unhex("0000000B 01 74 54 " + seconds));
            try {
                assertThat(FieldTables.readTable(in)).containsKey("t");
            } catch (AmqpException e) {
                assertThat(e.replyCode()).isEqualTo(Amqp.FRAME_ERROR);
            }
        }
    }
}
