package dev.petrel.amqp.protocol;

/** {@code access.request-ok} (class 30, method 11). */
public record AccessRequestOk() implements Method {
    public static final int CLASS_ID = 30;
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
        return "access.request-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
    }

    static AccessRequestOk read(ArgumentReader in) {
        in.readShort();
        return new AccessRequestOk();
    }
}
