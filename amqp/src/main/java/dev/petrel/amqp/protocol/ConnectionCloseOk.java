package dev.petrel.amqp.protocol;

/** {@code connection.close-ok} (class 10, method 51). */
public record ConnectionCloseOk() implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 51;

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
        return "connection.close-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ConnectionCloseOk read(ArgumentReader in) {
        return new ConnectionCloseOk();
    }
}
