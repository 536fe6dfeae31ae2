package dev.petrel.reactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A protocol that receives lines, as Twisted's {@code LineReceiver}: bytes are split at the delimiter ({@code \r\n}
 * unless set otherwise) and each line, without its delimiter, goes to {@link #lineReceived}. A line longer than the
 * maximum length goes to {@link #lineLengthExceeded} instead (which closes the connection unless overridden), so a peer
 * that never sends a delimiter cannot grow the buffer without bound.
 *
 * <p>Lines that arrive whole in one read are cut straight from the read buffer; only a partial line is kept.
 */
public abstract class LineReceiver implements Protocol {
    private static final byte[] CRLF = {'\r', '\n'};

    /** The connection, set by {@link #connectionMade}. */
    protected Transport transport;

    private byte[] delimiter = CRLF;
    private int maxLength = 16384;
    private byte[] partial = new byte[0];
    private int partialLength;

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
    }

    /** A whole line arrived, without its delimiter. */
    protected abstract void lineReceived(byte[] line);

    /** A line passed the maximum length; {@code start} is its beginning. Closes the connection by default. */
    protected void lineLengthExceeded(byte[] start) {
        transport.loseConnection();
    }

    /** Writes {@code line} followed by the delimiter. */
    public void sendLine(byte[] line) {
        transport.writeSequence(ByteBuffer.wrap(line), ByteBuffer.wrap(delimiter));
    }

    /** Writes {@code line} in UTF-8 followed by the delimiter. */
    public void sendLine(String line) {
        sendLine(line.getBytes(StandardCharsets.UTF_8));
    }

    public void setDelimiter(byte[] delimiter) {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("the delimiter must not be empty");
        }
        this.delimiter = delimiter.clone();
    }

    public void setMaxLength(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (partialLength == 0) {
            data = splitLines(data);
            if (data == null) {
                return;
            }
        }
        keep(data);
        if (partialLength > 0 && indexOf(partial, 0, partialLength) >= 0) {
            ByteBuffer kept = ByteBuffer.wrap(Arrays.copyOf(partial, partialLength));
            partialLength = 0;
            keep(splitLines(kept));
        } else if (partialLength > maxLength + delimiter.length - 1) {
            overflow(Arrays.copyOf(partial, partialLength));
        }
    }

    /** Delivers every whole line in {@code data}; returns the rest, or null if nothing is left or we must stop. */
    private ByteBuffer splitLines(ByteBuffer data) {
        int pos = data.position();
        int end = data.limit();
        while (pos < end && transport.isOpen()) {
            int at = indexOf(data, pos, end);
            if (at < 0) {
                break;
            }
            byte[] line = new byte[at - pos];
            data.get(pos, line);
            pos = at + delimiter.length;
            if (line.length > maxLength) {
                overflow(line);
                return null;
            }
            lineReceived(line);
        }
        if (pos >= end || !transport.isOpen()) {
            return null;
        }
        if (end - pos > maxLength + delimiter.length - 1) {
            byte[] start = new byte[end - pos];
            data.get(pos, start);
            overflow(start);
            return null;
        }
        return data.position(pos);
    }

    private void keep(ByteBuffer rest) {
        if (rest == null) {
            return;
        }
        int n = rest.remaining();
        if (partialLength + n > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + n, partial.length * 2));
        }
        rest.get(partial, partialLength, n);
        partialLength += n;
    }

    private void overflow(byte[] start) {
        partialLength = 0;
        lineLengthExceeded(start);
    }

    private int indexOf(ByteBuffer b, int from, int to) {
        byte first = delimiter[0];
        outer:
        for (int i = from; i <= to - delimiter.length; i++) {
            if (b.get(i) != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (b.get(i + j) != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int indexOf(byte[] b, int from, int to) {
        return indexOf(ByteBuffer.wrap(b), from, to);
    }
}
