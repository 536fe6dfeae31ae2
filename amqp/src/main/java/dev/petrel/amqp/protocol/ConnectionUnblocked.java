package dev.petrel.amqp.protocol;

/** {@code connection.unblocked} (class 10, method 61). */
public record ConnectionUnblocked() implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 61;

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
        return "connection.unblocked";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ConnectionUnblocked read(ArgumentReader in) {
        return new ConnectionUnblocked();
    }
}
