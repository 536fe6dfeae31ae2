package dev.petrel.amqp.protocol;

import java.util.Map;

/** Where method records write their arguments; consecutive bits pack into one octet, as the spec says. */
public interface ArgumentWriter {
    void writeOctet(int v);

    void writeShort(int v);

    void writeLong(int v);

    void writeLongLong(long v);

    void writeBit(boolean v);

    void writeShortString(String s);

    void writeLongString(String s);

    void writeLongString(byte[] b);

    void writeTable(Map<String, Object> table);
}
