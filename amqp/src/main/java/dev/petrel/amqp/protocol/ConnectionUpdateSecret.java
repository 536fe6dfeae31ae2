package dev.petrel.amqp.protocol;

/** {@code connection.update-secret} (class 10, method 70). */
public record ConnectionUpdateSecret(byte[] newSecret, String reason) implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 70;

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
        return "connection.update-secret";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLongString(newSecret);
        out.writeShortString(reason);
    }

    static ConnectionUpdateSecret read(ArgumentReader in) {
        byte[] newSecret = in.readLongBytes();
        String reason = in.readShortString();
        return new ConnectionUpdateSecret(newSecret, reason);
    }
}
