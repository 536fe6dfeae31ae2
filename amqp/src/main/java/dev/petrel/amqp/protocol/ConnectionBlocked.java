package dev.petrel.amqp.protocol;

/** {@code connection.blocked} (class 10, method 60). */
public record ConnectionBlocked(String reason) implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 60;

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
        return "connection.blocked";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString(reason);
    }

    static ConnectionBlocked read(ArgumentReader in) {
        String reason = in.readShortString();
        return new ConnectionBlocked(reason);
    }
}
