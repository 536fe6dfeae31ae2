package dev.petrel.amqp.broker;

import dev.petrel.amqp.protocol.LongString;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Field-table values as RabbitMQ names and compares them in its replies (types such as 'signedint', 'longstr'). */
public final class Values {
    private Values() {}

    public static String typeName(Object v) {
        if (v == null) {
            return "void";
        }
        if (v instanceof LongString || v instanceof String) {
            return "longstr";
        }
        if (v instanceof Integer) {
            return "signedint";
        }
        if (v instanceof Long) {
            return "long";
        }
        if (v instanceof Short) {
            return "short";
        }
        if (v instanceof Byte) {
            return "byte";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Double) {
            return "double";
        }
        if (v instanceof Float) {
            return "float";
        }
        if (v instanceof BigDecimal) {
            return "decimal";
        }
        if (v instanceof Instant) {
            return "timestamp";
        }
        if (v instanceof Map) {
            return "table";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof byte[]) {
            return "binary";
        }
        return v.getClass().getSimpleName();
    }

    /** Equal as AMQP values: same type and value (a String and a LongString of the same text are equal). */
    public static boolean same(Object a, Object b) {
        if (a instanceof String || a instanceof LongString) {
            return (b instanceof String || b instanceof LongString)
                    && a.toString().equals(b.toString());
        }
        if (integral(a) && integral(b)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static boolean integral(Object v) {
        return v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long;
    }

    /** "the value '2000' of type 'signedint'", or "none". */
    public static String describe(Object v) {
        return v == null ? "none" : "the value '" + v + "' of type '" + typeName(v) + "'";
    }
}
