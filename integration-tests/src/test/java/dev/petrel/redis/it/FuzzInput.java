package dev.petrel.redis.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Inputs for one fuzzing connection, from a seeded {@link Random}: RESP-flavoured random bytes, and pipelines of
 * harmless commands truncated, mutated, or followed by one of the ways Redis's parser refuses input and a request that
 * must then not run. Harmless: keys {@code fz:*} only, and never FLUSHALL, SWAPDB, KEYS, CONFIG SET, CLIENT
 * KILL|PAUSE|REPLY, DEBUG or QUIT, which would reach the other clients or change how many replies come.
 */
final class FuzzInput {
    private FuzzInput() {}

    private static final String[][] COMMANDS = {
        {"PING"},
        {"PING", "hello"},
        {"ECHO", "*"},
        {"SET", "fz:*", "*"},
        {"GET", "fz:*"},
        {"EXISTS", "fz:*", "fz:*"},
        {"DEL", "fz:*"},
        {"DBSIZE"},
        {"SELECT", "3"},
        {"SET", "fz:*", "*", "PX", "100000", "NX"},
        {"NOSUCHCMD", "*"},
        {"GET"},
        {"APPEND", "fz:*", "*"},
        {"INCR", "fz:*"},
        {"INCRBYFLOAT", "fz:*", "1.5"},
        {"SETRANGE", "fz:*", "5", "*"},
        {"GETRANGE", "fz:*", "0", "-1"},
        {"STRLEN", "fz:*"},
        {"MGET", "fz:*", "fz:*"},
        {"SETBIT", "fz:*", "7", "1"},
        {"BITCOUNT", "fz:*"},
        {"EXPIRE", "fz:*", "100"},
        {"TTL", "fz:*"},
        {"TYPE", "fz:*"},
        {"HELLO", "3"},
        {"HELLO", "2", "SETNAME", "fz"},
        {"CLIENT", "SETNAME", "fz*"},
        {"CLIENT", "GETNAME"},
        {"CLIENT", "INFO"},
        {"INFO", "keyspace"},
        {"COMMAND", "INFO", "GET", "SET"},
        {"COMMAND", "DOCS", "SET"},
        {"CONFIG", "GET", "max*"},
        {"TIME"},
        {"OBJECT", "ENCODING", "fz:*"},
        {"MEMORY", "USAGE", "fz:*"},
        {"LCS", "fz:*", "fz:*"},
        {"GETEX", "fz:*", "PERSIST"},
        {"BITFIELD", "fz:*", "INCRBY", "u8", "0", "1"},
        {"BITPOS", "fz:*", "1"},
        {"SCAN", "0", "MATCH", "fz:*"},
        {"RESET"},
        {"set", "fz:*", "*", "EX", "-1"},
    };
    private static final byte[] SPECIAL = "*$\r\n-0123456789 \"'\\x+:".getBytes(StandardCharsets.US_ASCII);

    static byte[] any(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> randomBytes(r);
            case 1 -> truncated(r);
            case 2 -> mutated(r);
            default -> withKnownError(r);
        };
    }

    static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(300)];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(3) > 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (byte) r.nextInt(256);
        }
        return b;
    }

    static byte[] pipeline(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            String[] cmd = COMMANDS[r.nextInt(COMMANDS.length)];
            Object[] args = new Object[cmd.length];
            for (int j = 0; j < cmd.length; j++) {
                args[j] = cmd[j].contains("*") ? cmd[j].replace("*", "") + word(r) : cmd[j];
            }
            if (r.nextInt(5) == 0) {
                out.writeBytes((String.join(
                                        " ",
                                        Arrays.stream(args)
                                                .map(Object::toString)
                                                .toList()) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes(RawClient.encode(args));
            }
        }
        return out.toByteArray();
    }

    private static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i >= 0; i--) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    static byte[] truncated(Random r) {
        byte[] p = pipeline(r);
        return Arrays.copyOf(p, r.nextInt(p.length + 1));
    }

    static byte[] mutated(Random r) {
        List<Byte> b = new ArrayList<>();
        for (byte x : pipeline(r)) {
            b.add(x);
        }
        for (int edits = 1 + r.nextInt(4); edits > 0; edits--) {
            int at = r.nextInt(b.size() + 1);
            byte value = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : (byte) r.nextInt(256);
            switch (r.nextInt(3)) {
                case 0 -> {
                    if (at < b.size()) {
                        b.set(at, value);
                    }
                }
                case 1 -> b.add(at, value);
                default -> {
                    if (at < b.size()) {
                        b.remove(at);
                    }
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /** A pipeline, a request that breaks the protocol in one of Redis's ways, then requests that must not run. */
    static byte[] withKnownError(Random r) {
        String[] bad = {
            "*1\r\n+PING\r\n",
            "*x\r\n",
            "*1\r\n$-5\r\n",
            "*1\r\n$01\r\nx\r\n",
            "SET \"unbalanced\r\n",
            "*3000000000\r\n",
            "*1\r\n$abc\r\n",
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pipeline(r));
        out.writeBytes(bad[r.nextInt(bad.length)].getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(RawClient.encode("SET", "fz:after-error", "must not run"));
        return out.toByteArray();
    }
}
