package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code connection.start-ok} (class 10, method 11). */
public record ConnectionStartOk(Map<String, Object> clientProperties, String mechanism, byte[] response, String locale)
        implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 11;

    @Override
    public int classId() {
        return CLASS_ID;
    }

    @Override
    public int methodId() {
        return METHOD_ID;
    }

    @Override
    public String name() {
        return "connection.start-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeTable(clientProperties);
        out.writeShortString(mechanism);
        out.writeLongString(response);
        out.writeShortString(locale);
    }

    static ConnectionStartOk read(ArgumentReader in) {
        Map<String, Object> clientProperties = in.readTable();
        String mechanism = in.readShortString();
        byte[] response = in.readLongBytes();
        String locale = in.readShortString();
        return new ConnectionStartOk(clientProperties, mechanism, response, locale);
    }
}
