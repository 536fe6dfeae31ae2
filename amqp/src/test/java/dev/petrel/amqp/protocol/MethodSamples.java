package dev.petrel.amqp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every method record of the protocol package, found by listing its compiled classes, and sample instances of each:
 * every combination of its bits, and strings, numbers, tables and byte strings at their edges (empty, non-ASCII, the
 * largest value of the field's wire width).
 */
final class MethodSamples {
    /** Wire widths of the int fields, from the spec's domains (octet, short, long). */
    private static final Map<String, Integer> INT_WIDTHS = Map.ofEntries(
            Map.entry("versionMajor", 1),
            Map.entry("versionMinor", 1),
            Map.entry("channelMax", 2),
            Map.entry("heartbeat", 2),
            Map.entry("replyCode", 2),
            Map.entry("classId", 2),
            Map.entry("methodId", 2),
            Map.entry("prefetchCount", 2),
            Map.entry("frameMax", 4),
            Map.entry("prefetchSize", 4),
            Map.entry("messageCount", 4),
            Map.entry("consumerCount", 4));

    private MethodSamples() {}

    /** The record classes implementing {@link Method}, sorted by name. */
    static List<Class<? extends Method>> recordClasses() {
        try {
            Path classes = Path.of(Method.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = classes.resolve(Method.class.getPackageName().replace('.', '/'));
            List<Class<? extends Method>> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String file = f.getFileName().toString();
                    if (!file.endsWith(".class") || file.contains("$")) {
                        continue;
                    }
                    Class<?> c =
                            Class.forName(Method.class.getPackageName() + "." + file.substring(0, file.length() - 6));
                    if (c.isRecord() && Method.class.isAssignableFrom(c)) {
                        out.add(c.asSubclass(Method.class));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Samples of one record: 2^bits of them (at least 3), cycling the other fields through their edge values. */
    static List<Method> samples(Class<? extends Method> type) {
        RecordComponent[] components = type.getRecordComponents();
        int bits = (int) Arrays.stream(components)
                .filter(c -> c.getType() == boolean.class)
                .count();
        int n = Math.max(1 << bits, 3);
        List<Method> out = new ArrayList<>();
        for (int variant = 0; variant < n; variant++) {
            out.add(sample(type, components, variant));
        }
        return out;
    }

    /** Every sample of every record. */
    static List<Method> all() {
        List<Method> out = new ArrayList<>();
        for (Class<? extends Method> c : recordClasses()) {
            out.addAll(samples(c));
        }
        return out;
    }

    private static Method sample(Class<? extends Method> type, RecordComponent[] components, int variant) {
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int bit = 0;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (c.getType() == boolean.class) {
                values[i] = (variant & (1 << bit++)) != 0;
            } else {
                values[i] = value(c, variant % 3);
            }
        }
        try {
            Constructor<? extends Method> k = type.getDeclaredConstructor(types);
            return k.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Object value(RecordComponent c, int edge) {
        Class<?> t = c.getType();
        String name = c.getName();
        if (t == String.class) {
            return switch (edge) {
                case 0 -> "";
                case 1 -> name + "-é-中";
                default -> (name + ".").repeat(255).substring(0, 255);
            };
        }
        if (t == int.class) {
            Integer width = INT_WIDTHS.get(name);
            if (width == null) {
                throw new IllegalStateException("no wire width known for int field " + name);
            }
            return switch (edge) {
                case 0 -> 0;
                case 1 -> name.length();
                default -> width == 4 ? -1 : (1 << (8 * width)) - 1;
            };
        }
        if (t == long.class) {
            return switch (edge) {
                case 0 -> 0L;
                case 1 -> 1L << 40 | name.length();
                default -> -1L;
            };
        }
        if (t == byte[].class) {
            return switch (edge) {
                case 0 -> new byte[0];
                case 1 -> new byte[] {0, 'u', 0, 'p', (byte) 0xFF};
                default -> name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            };
        }
        if (t == Map.class) {
            return table(edge);
        }
        throw new IllegalStateException("no sample for " + t + " " + name);
    }

    /** Tables whose values decode to equal objects (so records compare with equals). */
    static Map<String, Object> table(int edge) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (edge == 0) {
            return m;
        }
        m.put("x-message-ttl", 60_000);
        m.put("x-max-length-bytes", 1L << 33);
        m.put("durable", true);
        m.put("x-queue-type", LongString.of("classic"));
        if (edge == 2) {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("publisher_confirms", true);
            nested.put("list", List.of(1, LongString.of("two"), List.of()));
            m.put("capabilities", nested);
            m.put("none", null);
        }
        return m;
    }

    /** One method frame on {@code channel}. */
    static byte[] frame(int channel, Method m) {
        FrameEncoder out = new FrameEncoder(64);
        out.writeMethod(channel, m);
        return Frames.bytes(out);
    }

    /** Compares component by component, byte strings by content. */
    static void assertSameMethod(Method actual, Method expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            Object want = read(c, expected);
            Object got = read(c, actual);
            if (want instanceof byte[] w) {
                assertThat((byte[]) got)
                        .as("%s.%s", expected.name(), c.getName())
                        .isEqualTo(w);
            } else {
                assertThat(got).as("%s.%s", expected.name(), c.getName()).isEqualTo(want);
            }
        }
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
