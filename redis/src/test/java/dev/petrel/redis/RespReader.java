package dev.petrel.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decodes RESP2/RESP3 replies for tests (see {@link RedisHarness} for the Java types). */
final class RespReader {
    private final byte[] b;
    private int p;

    RespReader(byte[] b) {
        this.b = b;
    }

    boolean more() {
        return p < b.length;
    }

    Object read() {
        char type = (char) b[p++];
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RedisHarness.Err(line);
            case ':':
                return Long.parseLong(line);
            case '$':
            case '=': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                String s = new String(b, p, n, StandardCharsets.UTF_8);
                p += n + 2;
                return type == '=' ? s.substring(4) : s;
            }
            case '_':
                return null;
            case ',':
                return Double.parseDouble(line.replace("inf", "Infinity"));
            case '#':
                return line.equals("t");
            case '*':
            case '~':
            case '>':
            case '%': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                int items = type == '%' ? 2 * n : n;
                List<Object> list = new ArrayList<>(items);
                for (int i = 0; i < items; i++) {
                    list.add(read());
                }
                return list;
            }
            default:
                throw new IllegalStateException("unknown reply type '" + type + "' at " + (p - 1));
        }
    }

    private String line() {
        int start = p;
        while (b[p] != '\r' || b[p + 1] != '\n') {
            p++;
        }
        String s = new String(b, start, p - start, StandardCharsets.UTF_8);
        p += 2;
        return s;
    }
}
