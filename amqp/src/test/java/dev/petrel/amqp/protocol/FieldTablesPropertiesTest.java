package dev.petrel.amqp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random tables, nested tables and arrays of every value type survive encoding, and their prefixes are refused. */
class FieldTablesPropertiesTest {

    @Provide
    Arbitrary<Map<String, Object>> tables() {
        return TableValues.tables(3);
    }

    @Property(tries = 500)
    void tablesRoundTrip(@ForAll("tables") Map<String, Object> table) {
        byte[] encoded = FieldTables.encodeTable(table);
        assertThat(ByteBuffer.wrap(encoded).getInt()).isEqualTo(encoded.length - 4);
        ByteBuffer in = ByteBuffer.wrap(encoded);
        Map<String, Object> decoded = FieldTables.readTable(in);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(TableValues.normal(decoded)).isEqualTo(TableValues.normal(table));
        assertThat(TableValues.keyOrder(decoded)).isEqualTo(TableValues.keyOrder(table));
    }

    @Property(tries = 200)
    void everyStrictPrefixIsAFrameError(@ForAll("tables") Map<String, Object> table) {
        byte[] encoded = FieldTables.encodeTable(table);
        for (int cut = 0; cut < encoded.length; cut++) {
            ByteBuffer in = ByteBuffer.wrap(encoded, 0, cut);
            AmqpException e = catchThrowableOfType(() -> FieldTables.readTable(in), AmqpException.class);
            assertThat(e).as("prefix of %d octets", cut).isNotNull();
            assertThat(e.replyCode()).isEqualTo(Amqp.FRAME_ERROR);
        }
    }

    @Property(tries = 200)
    void tablesRoundTripInsideAMethodFrame(@ForAll("tables") Map<String, Object> table) {
        ExchangeDeclare m = new ExchangeDeclare("x", "topic", false, true, false, false, false, table);
        var events = Frames.decode(MethodSamples.frame(1, m));
        ExchangeDeclare back = (ExchangeDeclare) events.get(0).value();
        assertThat(TableValues.normal(back.arguments())).isEqualTo(TableValues.normal(table));
        assertThat(back).usingRecursiveComparison().ignoringFields("arguments").isEqualTo(m);
    }
}
