package dev.petrel.amqp.protocol;

/** {@code basic.qos-ok} (class 60, method 11). */
public record BasicQosOk() implements Method {
    public static final int CLASS_ID = 60;
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
        return "basic.qos-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static BasicQosOk read(ArgumentReader in) {
        return new BasicQosOk();
    }
}
