package dev.petrel.amqp.protocol;

/** {@code connection.open-ok} (class 10, method 41). */
public record ConnectionOpenOk() implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 41;

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
        return "connection.open-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString("");
    }

    static ConnectionOpenOk read(ArgumentReader in) {
        in.readShortString();
        return new ConnectionOpenOk();
    }
}
