package dev.petrel.amqp.protocol;

/** {@code connection.update-secret-ok} (class 10, method 71). */
public record ConnectionUpdateSecretOk() implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 71;

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
        return "connection.update-secret-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ConnectionUpdateSecretOk read(ArgumentReader in) {
        return new ConnectionUpdateSecretOk();
    }
}
