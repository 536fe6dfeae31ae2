package dev.petrel.redis.command.zset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.data.zset.Doubles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DoublesTest {
    @Test
    void formatsAsPercent17g() {
        assertThat(Doubles.format(1)).isEqualTo("1");
        assertThat(Doubles.format(2.5)).isEqualTo("2.5");
        assertThat(Doubles.format(0.1)).isEqualTo("0.10000000000000001");
        assertThat(Doubles.format(1e100)).isEqualTo("1e+100");
        assertThat(Doubles.format(1.5e-7)).isEqualTo("1.4999999999999999e-07");
        assertThat(Doubles.format(3.14159)).isEqualTo("3.1415899999999999");
        assertThat(Doubles.format(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(Doubles.format(1e-5)).isEqualTo("1.0000000000000001e-05");
        assertThat(Doubles.format(1e300)).isEqualTo("1.0000000000000001e+300");
        assertThat(Doubles.format(-5e18)).isEqualTo("-5e+18");
        assertThat(Doubles.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Doubles.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(Doubles.format(-0.0)).isEqualTo("-0");
        assertThat(Doubles.format(123456789.125)).isEqualTo("123456789.125");
    }

    @Test
    void d2stringPrintsIntegersUpToTwoToThe62() {
        assertThat(Doubles.d2string(1e18)).isEqualTo("1000000000000000000");
        assertThat(Doubles.d2string(-5e18)).isEqualTo("-5e+18");
        assertThat(Doubles.d2string(9.2233720368547758e18)).isEqualTo("9.2233720368547758e+18");
    }

    private static double strict(String s) {
        return Doubles.parseStrict(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesLikeStrtodWithRedisChecks() {
        assertThat(strict("1.5")).isEqualTo(1.5);
        assertThat(strict("+inf")).isInfinite();
        assertThat(strict("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(strict("0x10")).isEqualTo(16);
        assertThat(strict(".5")).isEqualTo(0.5);
        assertThat(strict("5.")).isEqualTo(5);
        assertThat(strict("1e-310")).isGreaterThan(0);
        assertThat(strict("nan")).isNaN();
        assertThat(strict("1e400")).isNaN();
        assertThat(strict("1e-400")).isNaN();
        assertThat(strict(" 1")).isNaN();
        assertThat(strict("1 ")).isNaN();
        assertThat(strict("")).isNaN();
        assertThat(strict("1d")).isNaN();
        assertThat(strict("1e")).isNaN();
        byte[] b = " 1e400".getBytes(StandardCharsets.US_ASCII);
        assertThat(Doubles.parseLoose(b, 0, b.length)).isInfinite();
        assertThat(Doubles.parseLoose(b, 0, 0)).isZero();
    }
}
