package dev.petrel.amqp.protocol;

/** {@code basic.recover-ok} (class 60, method 111). */
public record BasicRecoverOk() implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 111;

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
        return "basic.recover-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static BasicRecoverOk read(ArgumentReader in) {
        return new BasicRecoverOk();
    }
}
