package dev.petrel.redis.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LongDoublesTest {
    private static LongDoubles.Ext parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return LongDoubles.parse(b, 0, b.length);
    }

    private static String sum(String a, String b) {
        return new String(LongDoubles.format(LongDoubles.add(parse(a), parse(b))), StandardCharsets.US_ASCII);
    }

    @Test
    void extendedPrecisionNotDouble() {
        assertThat(sum("0.1", "0.2")).isEqualTo("0.3"); // a double would give 0.30000000000000004
        assertThat(sum("0.30000000000000004", "0")).isEqualTo("0.30000000000000004");
        assertThat(sum("1.0000000000000000001", "0")).isEqualTo("1");
        assertThat(sum("18446744073709551617", "0")).isEqualTo("18446744073709551616"); // 65 bits round to 64
    }

    @Test
    void syntaxAsStrtold() {
        assertThat(parse("+1.5")).isNotNull();
        assertThat(parse(".5")).isNotNull();
        assertThat(parse("1.")).isNotNull();
        assertThat(parse("0X1P4")).isNotNull();
        assertThat(parse("infinity").infinite()).isTrue();
        assertThat(parse(".")).isNull();
        assertThat(parse("1e+")).isNull();
        assertThat(parse("nan")).isNull();
        assertThat(parse("1" + "0".repeat(5120))).isNull(); // longer than Redis reads
    }

    @Test
    void tiesRoundToEven() {
        assertThat(sum("0.000003814697265625", "0")).isEqualTo("0.00000381469726562");
        assertThat(sum("0.000011444091796875", "0")).isEqualTo("0.00001144409179688");
    }

    @Test
    void negativeZeroPrintsAsZero() {
        assertThat(sum("-1e-30", "0")).isEqualTo("0");
        assertThat(sum("-0", "-0")).isEqualTo("0");
    }

    @Test
    void overflowIsNull() {
        assertThat(LongDoubles.add(parse("1.1e4932"), parse("1.1e4932"))).isNull();
        assertThat(LongDoubles.add(parse("inf"), parse("1"))).isNull();
    }
}
