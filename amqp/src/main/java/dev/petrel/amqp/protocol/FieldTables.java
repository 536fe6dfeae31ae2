package dev.petrel.amqp.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field tables and arrays as RabbitMQ and its clients write them. Read: t Boolean, b Byte, B Short, s Short, u
 * Integer, I Integer, i Long, l and L Long, f Float, d Double, D BigDecimal, S {@link LongString}, x byte[], A List, T
 * Instant, F Map (insertion-ordered), V null. Written: the natural letter for each Java type (String as S, Date and
 * Instant as T). A malformed table is a 501 FRAME_ERROR; nesting is bounded.
 */
public final class FieldTables {
    private static final int MAX_DEPTH = 64;

    private FieldTables() {}

    /** Reads a table (its 4-byte length first). */
    public static Map<String, Object> readTable(ByteBuffer in) {
        try {
            return table(in, 0);
        } catch (BufferUnderflowException
                | IndexOutOfBoundsException
                | IllegalArgumentException
                | DateTimeException e) {
            throw malformed("field table runs past its frame");
        }
    }

    private static AmqpException malformed(String why) {
        return new AmqpException(Amqp.FRAME_ERROR, "FRAME_ERROR - " + why);
    }

    private static ByteBuffer slice(ByteBuffer in) {
        long len = in.getInt() & 0xFFFFFFFFL;
        if (len > in.remaining()) {
            throw malformed("field table runs past its frame");
        }
        ByteBuffer part = in.slice();
        part.limit((int) len);
        in.position(in.position() + (int) len);
        return part;
    }

    private static Map<String, Object> table(ByteBuffer in, int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("field tables nested too deep");
        }
        ByteBuffer t = slice(in);
        Map<String, Object> map = new LinkedHashMap<>();
        while (t.hasRemaining()) {
            int n = t.get() & 0xFF;
            byte[] key = new byte[n];
            t.get(key);
            map.put(new String(key, StandardCharsets.UTF_8), value(t, depth));
        }
        return map;
    }

    private static List<Object> array(ByteBuffer in, int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("field arrays nested too deep");
        }
        ByteBuffer a = slice(in);
        List<Object> list = new ArrayList<>();
        while (a.hasRemaining()) {
            list.add(value(a, depth));
        }
        return list;
    }

    private static Object value(ByteBuffer in, int depth) {
        int type = in.get() & 0xFF;
        return switch (type) {
            case 't' -> in.get() != 0;
            case 'b' -> in.get();
            case 'B' -> (short) (in.get() & 0xFF);
            case 's' -> in.getShort();
            case 'u' -> in.getShort() & 0xFFFF;
            case 'I' -> in.getInt();
            case 'i' -> in.getInt() & 0xFFFFFFFFL;
            case 'l', 'L' -> in.getLong();
            case 'f' -> in.getFloat();
            case 'd' -> in.getDouble();
            case 'D' -> {
                int scale = in.get() & 0xFF;
                yield new BigDecimal(BigInteger.valueOf(in.getInt()), scale);
            }
            case 'S' -> {
                ByteBuffer s = slice(in);
                byte[] b = new byte[s.remaining()];
                s.get(b);
                yield new LongString(b);
            }
            case 'x' -> {
                ByteBuffer s = slice(in);
                byte[] b = new byte[s.remaining()];
                s.get(b);
                yield b;
            }
            case 'A' -> array(in, depth + 1);
            case 'T' -> Instant.ofEpochSecond(in.getLong());
            case 'F' -> table(in, depth + 1);
            case 'V' -> null;
            default -> throw malformed("unknown field table type '" + (char) type + "' (" + type + ")");
        };
    }

    /** Writes a table with its 4-byte length. */
    public static void writeTable(Map<String, Object> table, FrameEncoder out) {
        int lengthAt = out.reserveLength();
        if (table != null) {
            for (Map.Entry<String, Object> e : table.entrySet()) {
                out.writeShortString(e.getKey());
                writeValue(e.getValue(), out);
            }
        }
        out.patchLength(lengthAt);
    }

    /** A table's bytes, length first. */
    public static byte[] encodeTable(Map<String, Object> table) {
        FrameEncoder out = new FrameEncoder(64);
        writeTable(table, out);
        byte[] b = new byte[out.size()];
        out.buffer().get(b);
        return b;
    }

    private static void writeValue(Object v, FrameEncoder out) {
        if (v == null) {
            out.writeOctet('V');
        } else if (v instanceof String s) {
            out.writeOctet('S');
            out.writeLongString(s);
        } else if (v instanceof LongString s) {
            out.writeOctet('S');
            out.writeLongString(s.bytes());
        } else if (v instanceof Integer i) {
            out.writeOctet('I');
            out.writeLong(i);
        } else if (v instanceof Long l) {
            out.writeOctet('l');
            out.writeLongLong(l);
        } else if (v instanceof Boolean b) {
            out.writeOctet('t');
            out.writeOctet(b ? 1 : 0);
        } else if (v instanceof Byte b) {
            out.writeOctet('b');
            out.writeOctet(b);
        } else if (v instanceof Short s) {
            out.writeOctet('s');
            out.writeShort(s);
        } else if (v instanceof Float f) {
            out.writeOctet('f');
            out.writeLong(Float.floatToIntBits(f));
        } else if (v instanceof Double d) {
            out.writeOctet('d');
            out.writeLongLong(Double.doubleToLongBits(d));
        } else if (v instanceof BigDecimal d) {
            out.writeOctet('D');
            out.writeOctet(d.scale());
            out.writeLong(d.unscaledValue().intValueExact());
        } else if (v instanceof byte[] b) {
            out.writeOctet('x');
            out.writeLongString(b);
        } else if (v instanceof Instant t) {
            out.writeOctet('T');
            out.writeLongLong(t.getEpochSecond());
        } else if (v instanceof Date d) {
            out.writeOctet('T');
            out.writeLongLong(d.getTime() / 1000);
        } else if (v instanceof Map<?, ?> m) {
            out.writeOctet('F');
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) m;
            writeTable(t, out);
        } else if (v instanceof List<?> list) {
            out.writeOctet('A');
            int lengthAt = out.reserveLength();
            for (Object o : list) {
                writeValue(o, out);
            }
            out.patchLength(lengthAt);
        } else {
            throw new IllegalArgumentException(
                    "no field table type for " + v.getClass().getName());
        }
    }
}
