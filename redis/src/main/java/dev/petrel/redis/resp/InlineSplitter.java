package dev.petrel.redis.resp;

import java.nio.ByteBuffer;

/**
 * Splits an inline request line into arguments the way redis-cli users expect (Redis's own rules): words separated by
 * blanks; "double quotes" with \n \r \t \b \a \\ \" and \xHH escapes; 'single quotes' with \' only; a closing quote
 * must be followed by a blank or the end. The unescaped arguments are written to a scratch buffer.
 */
final class InlineSplitter {
    private ByteBuffer scratch = ByteBuffer.allocate(256);

    /** Splits {@code line[start..end)} into {@code args}; false on unbalanced quotes. */
    boolean split(ByteBuffer line, int start, int end, Args args) {
        if (scratch.capacity() < end - start) {
            scratch = ByteBuffer.allocate(Math.max(end - start, scratch.capacity() * 2));
        }
        scratch.clear();
        args.begin(scratch, 0);
        int p = start;
        while (true) {
            while (p < end && isSpace(line.get(p))) {
                p++;
            }
            if (p >= end) {
                return true;
            }
            int argStart = scratch.position();
            boolean inDouble = false;
            boolean inSingle = false;
            boolean done = false;
            while (!done) {
                if (inDouble) {
                    if (p >= end) {
                        return false;
                    }
                    byte c = line.get(p);
                    if (c == '\\'
                            && p + 3 < end
                            && line.get(p + 1) == 'x'
                            && isHex(line.get(p + 2))
                            && isHex(line.get(p + 3))) {
                        scratch.put((byte) (hex(line.get(p + 2)) * 16 + hex(line.get(p + 3))));
                        p += 3;
                    } else if (c == '\\' && p + 1 < end) {
                        p++;
                        byte e = line.get(p);
                        scratch.put(
                                switch (e) {
                                    case 'n' -> (byte) '\n';
                                    case 'r' -> (byte) '\r';
                                    case 't' -> (byte) '\t';
                                    case 'b' -> (byte) '\b';
                                    case 'a' -> (byte) 7;
                                    default -> e;
                                });
                    } else if (c == '"') {
                        if (p + 1 < end && !isSpace(line.get(p + 1))) {
                            return false;
                        }
                        done = true;
                    } else {
                        scratch.put(c);
                    }
                } else if (inSingle) {
                    if (p >= end) {
                        return false;
                    }
                    byte c = line.get(p);
                    if (c == '\\' && p + 1 < end && line.get(p + 1) == '\'') {
                        p++;
                        scratch.put((byte) '\'');
                    } else if (c == '\'') {
                        if (p + 1 < end && !isSpace(line.get(p + 1))) {
                            return false;
                        }
                        done = true;
                    } else {
                        scratch.put(c);
                    }
                } else if (p >= end) {
                    done = true;
                } else {
                    byte c = line.get(p);
                    switch (c) {
                        case ' ', '\n', '\r', '\t', 0 -> done = true;
                        case '"' -> inDouble = true;
                        case '\'' -> inSingle = true;
                        default -> scratch.put(c);
                    }
                }
                if (p < end) {
                    p++;
                }
            }
            args.add(argStart, scratch.position() - argStart);
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex(byte c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
