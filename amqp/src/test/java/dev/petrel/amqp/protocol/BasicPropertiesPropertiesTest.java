package dev.petrel.amqp.protocol;

import static dev.petrel.amqp.protocol.Frames.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.WithNull;
import org.junit.jupiter.api.Test;

/** Any set of basic properties encodes to a flags word and list that decode back to it, and nothing shorter does. */
class BasicPropertiesPropertiesTest {

    @Provide
    Arbitrary<String> shortStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(255),
                Arbitraries.strings().withChars("aé中-").ofMaxLength(80));
    }

    @Provide
    Arbitrary<Map<String, Object>> headers() {
        return TableValues.tables(2);
    }

    @Property(tries = 500)
    void encodeThenDecodeIsIdentity(
            @ForAll("shortStrings") @WithNull(0.4) String contentType,
            @ForAll("shortStrings") @WithNull(0.4) String contentEncoding,
            @ForAll("headers") @WithNull(0.4) Map<String, Object> headers,
            @ForAll @IntRange(max = 255) @WithNull(0.4) Integer deliveryMode,
            @ForAll @IntRange(max = 255) @WithNull(0.4) Integer priority,
            @ForAll("shortStrings") @WithNull(0.4) String correlationId,
            @ForAll("shortStrings") @WithNull(0.4) String replyTo,
            @ForAll("shortStrings") @WithNull(0.4) String expiration,
            @ForAll("shortStrings") @WithNull(0.4) String messageId,
            @ForAll @WithNull(0.4) Long timestamp,
            @ForAll("shortStrings") @WithNull(0.4) String type,
            @ForAll("shortStrings") @WithNull(0.4) String userId,
            @ForAll("shortStrings") @WithNull(0.4) String appId,
            @ForAll("shortStrings") @WithNull(0.4) String clusterId) {
        BasicProperties p = new BasicProperties(
                contentType,
                contentEncoding,
                headers,
                deliveryMode,
                priority,
                correlationId,
                replyTo,
                expiration,
                messageId,
                timestamp,
                type,
                userId,
                appId,
                clusterId);
        byte[] raw = p.encode();
        BasicProperties back = BasicProperties.decode(raw, 0, raw.length);
        assertThat(back.withHeaders(null)).isEqualTo(p.withHeaders(null));
        assertThat(TableValues.normal(back.headers())).isEqualTo(TableValues.normal(headers));
        assertThat(BasicProperties.flags(raw, 0) & BasicProperties.FLAG_HEADERS)
                .isEqualTo(headers == null ? 0 : 1 << 13);
        for (int cut = 0; cut < raw.length; cut++) {
            int n = cut;
            AmqpException e = catchThrowableOfType(() -> BasicProperties.decode(raw, 0, n), AmqpException.class);
            assertThat(e).as("prefix of %d octets", cut).isNotNull();
            assertThat(e.replyCode()).isEqualTo(Amqp.FRAME_ERROR);
        }
    }

    @Test
    void emptyPropertiesAreAZeroFlagsWord() {
        assertThat(BasicProperties.EMPTY.encode()).isEqualTo(new byte[2]);
        assertThat(BasicProperties.decode(new byte[2], 0, 2)).isEqualTo(BasicProperties.EMPTY);
        assertThat(BasicProperties.flags(new byte[1], 0)).isZero();
    }

    @Test
    void continuationFlagWordsAreSkipped() {
        // content-type present, continuation bit set; a second word with the continuation bit, then a last one
        byte[] raw = unhex("8001 0001 0000 01 61");
        assertThat(BasicProperties.decode(ByteBuffer.wrap(raw)).contentType()).isEqualTo("a");
    }

    @Test
    void decodeReadsFromTheBuffersPositionOnly() {
        byte[] props = BasicProperties.EMPTY.withReplyTo("r").encode();
        byte[] padded = Frames.concat(new byte[] {(byte) 0xFF, (byte) 0xFF}, props);
        assertThat(BasicProperties.decode(padded, 2, props.length).replyTo()).isEqualTo("r");
        assertThat(BasicProperties.EMPTY.withExpiration("60000").encode()).isEqualTo(unhex("0100 05 3630303030"));
    }
}
