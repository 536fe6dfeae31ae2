package dev.petrel.amqp.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random field-table values of every type the codec writes, in the Java types it reads them back as, and a
 * normal form that compares byte arrays by content.
 */
final class TableValues {
    private TableValues() {}

    /** A byte array by content, so that tables holding them compare with equals. */
    record Bytes(String hex) {}

    static Arbitrary<String> keys() {
        return Arbitraries.strings().withChars("abcxyz-_.é中").ofMaxLength(20);
    }

    static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(LongString::of),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(LongString::new),
                Arbitraries.integers(),
                Arbitraries.longs(),
                Arbitraries.of(true, false),
                Arbitraries.bytes(),
                Arbitraries.shorts(),
                Arbitraries.floats(),
                Arbitraries.doubles(),
                Combinators.combine(
                                Arbitraries.integers(), Arbitraries.integers().between(0, 255))
                        .as((unscaled, scale) -> new BigDecimal(BigInteger.valueOf(unscaled), scale)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(20),
                Arbitraries.longs()
                        .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(Instant::ofEpochSecond));
    }

    /** Any value, nested tables and arrays down to {@code depth} levels, null now and then. */
    static Arbitrary<Object> values(int depth) {
        Arbitrary<Object> scalar = scalars().injectNull(0.05);
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar),
                Tuple.of(1, tables(depth - 1).map(t -> (Object) t)),
                Tuple.of(1, arrays(depth - 1).map(a -> (Object) a)));
    }

    static Arbitrary<Map<String, Object>> tables(int depth) {
        return Arbitraries.maps(keys(), values(depth)).ofMaxSize(6).map(LinkedHashMap::new);
    }

    static Arbitrary<List<Object>> arrays(int depth) {
        return values(depth).list().ofMaxSize(6).map(ArrayList::new);
    }

    /** {@code v} with byte arrays replaced by {@link Bytes}, tables and arrays copied in order. */
    static Object normal(Object v) {
        if (v instanceof byte[] b) {
            return new Bytes(HexFormat.of().formatHex(b));
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normal(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normal(x)));
            return out;
        }
        return v;
    }

    /** Keys of a table and of its nested tables, depth first, so that order is compared too. */
    static List<Object> keyOrder(Object v) {
        List<Object> out = new ArrayList<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                out.add(k);
                out.add(keyOrder(x));
            });
        } else if (v instanceof List<?> l) {
            l.forEach(x -> out.add(keyOrder(x)));
        }
        return out;
    }
}
