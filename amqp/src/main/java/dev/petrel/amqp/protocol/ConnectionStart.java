package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code connection.start} (class 10, method 10). */
public record ConnectionStart(
        int versionMajor, int versionMinor, Map<String, Object> serverProperties, byte[] mechanisms, byte[] locales)
        implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 10;

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
        return "connection.start";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeOctet(versionMajor);
        out.writeOctet(versionMinor);
        out.writeTable(serverProperties);
        out.writeLongString(mechanisms);
        out.writeLongString(locales);
    }

    static ConnectionStart read(ArgumentReader in) {
        int versionMajor = in.readOctet();
        int versionMinor = in.readOctet();
        Map<String, Object> serverProperties = in.readTable();
        byte[] mechanisms = in.readLongBytes();
        byte[] locales = in.readLongBytes();
        return new ConnectionStart(versionMajor, versionMinor, serverProperties, mechanisms, locales);
    }
}
