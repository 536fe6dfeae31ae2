package dev.petrel.amqp.broker;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Routes on the message's headers, not its routing key: a binding's arguments are the headers to look for, and its
 * {@code x-match} argument says how many must match: {@code all} (the default) or {@code any}. With those, binding
 * arguments whose name starts with {@code x-} are not looked for; with {@code all-with-x} and {@code any-with-x}
 * (RabbitMQ 3.10) they are, all but {@code x-match} itself. A binding argument of AMQP type void (a null value)
 * asks only that the header be present, whatever its value.
 *
 * <p>Values are compared as RabbitMQ compares them (Erlang's {@code ==}), see {@link FieldValues#matches}. Every
 * binding is tried for every message, as in RabbitMQ: this type is for few bindings.
 */
public final class HeadersExchange extends Exchange {
    private static final String X_MATCH = "x-match";
    private final List<Matcher> matchers = new ArrayList<>();

    HeadersExchange(String name, boolean durable, boolean autoDelete, boolean internal, Map<String, Object> args) {
        super(name, durable, autoDelete, internal, args);
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.HEADERS;
    }

    /**
     * Why these arguments cannot bind to a headers exchange, as RabbitMQ 3.10's 406 PRECONDITION_FAILED text without
     * its prefix, or null when they can: {@code x-match}, when present, must be one of the four known strings.
     */
    public static String invalidBinding(Map<String, Object> arguments) {
        if (arguments == null || !arguments.containsKey(X_MATCH)) {
            return null;
        }
        Object v = arguments.get(X_MATCH);
        if (!FieldValues.isText(v)) {
            return "Invalid x-match field type " + FieldValues.typeName(v) + " (value " + FieldValues.erlangTerm(v)
                    + "); expected longstr";
        }
        return Mode.of(v.toString()) != null
                ? null
                : "Invalid x-match field value " + FieldValues.erlangTerm(v)
                        + "; expected all, any, all-with-x, or any-with-x";
    }

    @Override
    void added(Target t, Binding b) {
        matchers.add(new Matcher(t, b));
    }

    @Override
    void removed(Target t, Binding b) {
        for (Iterator<Matcher> it = matchers.iterator(); it.hasNext(); ) {
            if (it.next().binding == b) {
                it.remove();
                return;
            }
        }
    }

    @Override
    public void route(Routable message, List<Destination> out) {
        long stamp = nextRouteStamp();
        Map<String, Object> headers = message.headers();
        for (Matcher m : matchers) {
            if (!m.target.emittedIn(stamp) && m.matches(headers)) {
                m.target.emit(stamp, out);
            }
        }
    }

    private enum Mode {
        ALL,
        ANY,
        ALL_WITH_X,
        ANY_WITH_X;

        static Mode of(String s) {
            return switch (s) {
                case "all" -> ALL;
                case "any" -> ANY;
                case "all-with-x" -> ALL_WITH_X;
                case "any-with-x" -> ANY_WITH_X;
                default -> null;
            };
        }
    }

    /** One binding, compiled: its mode, and the headers it looks for. */
    private static final class Matcher {
        final Target target;
        final Binding binding;
        final boolean all;
        final String[] keys;
        final Object[] values;

        Matcher(Target target, Binding binding) {
            this.target = target;
            this.binding = binding;
            Object x = binding.arguments().get(X_MATCH);
            // An x-match that is not one of the four strings means all, as RabbitMQ did before validating it.
            Mode mode = FieldValues.isText(x) ? Mode.of(x.toString()) : null;
            mode = mode == null ? Mode.ALL : mode;
            this.all = mode == Mode.ALL || mode == Mode.ALL_WITH_X;
            boolean withX = mode == Mode.ALL_WITH_X || mode == Mode.ANY_WITH_X;
            List<String> k = new ArrayList<>();
            List<Object> v = new ArrayList<>();
            binding.arguments().forEach((key, value) -> {
                if (!key.equals(X_MATCH) && (withX || !key.startsWith("x-"))) {
                    k.add(key);
                    v.add(value);
                }
            });
            this.keys = k.toArray(new String[0]);
            this.values = v.toArray();
        }

        boolean matches(Map<String, Object> headers) {
            for (int i = 0; i < keys.length; i++) {
                boolean hit = values[i] == null
                        ? headers.containsKey(keys[i])
                        : FieldValues.matches(values[i], headers.get(keys[i]));
                if (hit != all) {
                    return hit;
                }
            }
            return all;
        }
    }

    /**
     * How Petrel reads field-table values as AMQP types, and compares them as RabbitMQ does. The Java classes:
     * {@code Byte} byte, {@code Short} short, {@code Integer} signedint, {@code Long} long, {@code Float} float,
     * {@code Double} double, {@code BigDecimal} decimal, {@code Boolean} bool, {@code Date}/{@code Instant}
     * timestamp (whole seconds), {@code Map} table, {@code List} array, {@code byte[]} binary, null void; any other
     * value (a {@code String}, the protocol's long string) is a longstr and is compared by its {@code toString()}, so
     * that a long string and a {@code String} with the same text are equal.
     */
    static final class FieldValues {
        private FieldValues() {}

        /** Whether v is a longstr (not binary: RabbitMQ tells the two apart where a name is expected). */
        static boolean isText(Object v) {
            return v != null
                    && !isNumeric(v)
                    && !(v instanceof Boolean)
                    && !(v instanceof BigDecimal)
                    && !(v instanceof Map)
                    && !(v instanceof List)
                    && !(v instanceof byte[]);
        }

        /** RabbitMQ's name of v's AMQP type, as it appears in its error texts. */
        static String typeName(Object v) {
            if (v == null) {
                return "void";
            } else if (v instanceof Byte) {
                return "byte";
            } else if (v instanceof Short) {
                return "short";
            } else if (v instanceof Integer) {
                return "signedint";
            } else if (v instanceof Long || v instanceof BigInteger) {
                return "long";
            } else if (v instanceof Float) {
                return "float";
            } else if (v instanceof Double) {
                return "double";
            } else if (v instanceof BigDecimal) {
                return "decimal";
            } else if (v instanceof Boolean) {
                return "bool";
            } else if (v instanceof Date || v instanceof Instant) {
                return "timestamp";
            } else if (v instanceof Map) {
                return "table";
            } else if (v instanceof List) {
                return "array";
            }
            return v instanceof byte[] ? "binary" : "longstr";
        }

        /**
         * A header match, as RabbitMQ's Erlang {@code ==} on values whatever their types: integers, floats and
         * timestamps compare by number (signedint 7 matches long 7, double 7.0 and float 7.0; double 0.1 does not
         * match float 0.1), a decimal only an equal decimal of the same scale, longstr and binary by their bytes,
         * bool only bool, and inside arrays and tables the AMQP types must be the same as well, in the same order.
         */
        static boolean matches(Object pattern, Object value) {
            if (pattern == null || value == null) {
                return pattern == value;
            } else if (isNumeric(pattern) || isNumeric(value)) {
                return isNumeric(pattern) && isNumeric(value) && sameNumber(pattern, value);
            } else if (pattern instanceof Boolean || pattern instanceof BigDecimal) {
                return pattern.equals(value);
            } else if (pattern instanceof List<?> p) {
                return value instanceof List<?> v && sameArray(p, v);
            } else if (pattern instanceof Map<?, ?> p) {
                return value instanceof Map<?, ?> v && sameTable(p, v);
            }
            if (!isText(value) && !(value instanceof byte[])) {
                return false;
            } else if (pattern instanceof byte[] || value instanceof byte[]) {
                return Arrays.equals(bytes(pattern), bytes(value));
            }
            return pattern.toString().equals(value.toString());
        }

        /**
         * Equivalence of a declaration argument, as RabbitMQ checks it: same type class (every integer type, and
         * decimal; float and double; longstr and binary; else the type itself) and equal values.
         */
        static boolean equivalent(Object a, Object b) {
            return typeClass(a).equals(typeClass(b)) && matches(a, b);
        }

        /** v as RabbitMQ's error texts show a value: strings bare, numbers and booleans as written. */
        static String display(Object v) {
            return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
        }

        /** v as Erlang prints a term: strings as {@code <<"...">>}. */
        static String erlangTerm(Object v) {
            return isText(v) || v instanceof byte[] ? "<<\"" + display(v) + "\">>" : display(v);
        }

        private static String typeClass(Object v) {
            String t = typeName(v);
            return switch (t) {
                case "byte", "short", "signedint", "long", "decimal" -> "int";
                case "double" -> "float";
                case "binary" -> "longstr";
                default -> t;
            };
        }

        private static boolean isNumeric(Object v) {
            return (v instanceof Number && !(v instanceof BigDecimal)) || v instanceof Date || v instanceof Instant;
        }

        private static boolean isFloating(Object v) {
            return v instanceof Double || v instanceof Float;
        }

        private static long integral(Object v) {
            if (v instanceof Date d) {
                return Math.floorDiv(d.getTime(), 1000);
            } else if (v instanceof Instant i) {
                return i.getEpochSecond();
            }
            return ((Number) v).longValue();
        }

        private static boolean sameNumber(Object a, Object b) {
            if (a instanceof BigInteger || b instanceof BigInteger) {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            } else if (isFloating(a) && isFloating(b)) {
                return ((Number) a).doubleValue() == ((Number) b).doubleValue();
            } else if (isFloating(a) || isFloating(b)) {
                double d = ((Number) (isFloating(a) ? a : b)).doubleValue();
                long l = integral(isFloating(a) ? b : a);
                return d == (double) l && d >= -0x1p63 && d < 0x1p63 && (long) d == l;
            }
            return integral(a) == integral(b);
        }

        private static boolean sameArray(List<?> a, List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameTyped(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameTable(Map<?, ?> a, Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> ib = b.entrySet().iterator();
            for (Map.Entry<?, ?> ea : a.entrySet()) {
                Map.Entry<?, ?> eb = ib.next();
                if (!ea.getKey().equals(eb.getKey()) || !sameTyped(ea.getValue(), eb.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameTyped(Object a, Object b) {
            return typeName(a).equals(typeName(b)) && matches(a, b);
        }

        private static byte[] bytes(Object v) {
            return v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
