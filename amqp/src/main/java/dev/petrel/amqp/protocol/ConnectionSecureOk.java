package dev.petrel.amqp.protocol;

/** {@code connection.secure-ok} (class 10, method 21). */
public record ConnectionSecureOk(byte[] response) implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 21;

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
        return "connection.secure-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLongString(response);
    }

    static ConnectionSecureOk read(ArgumentReader in) {
        byte[] response = in.readLongBytes();
        return new ConnectionSecureOk(response);
    }
}
