package dev.petrel.amqp.protocol;

/** {@code connection.secure} (class 10, method 20). */
public record ConnectionSecure(byte[] challenge) implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 20;

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
        return "connection.secure";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLongString(challenge);
    }

    static ConnectionSecure read(ArgumentReader in) {
        byte[] challenge = in.readLongBytes();
        return new ConnectionSecure(challenge);
    }
}
