package dev.petrel.amqp.protocol;

/** {@code confirm.select-ok} (class 85, method 11). */
public record ConfirmSelectOk() implements Method {
    public static final int CLASS_ID = 85;
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
        return "confirm.select-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ConfirmSelectOk read(ArgumentReader in) {
        return new ConfirmSelectOk();
    }
}
