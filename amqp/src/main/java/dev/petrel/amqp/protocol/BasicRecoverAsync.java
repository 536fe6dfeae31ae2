package dev.petrel.amqp.protocol;

/** {@code basic.recover-async} (class 60, method 100). */
public record BasicRecoverAsync(boolean requeue) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 100;

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
        return "basic.recover-async";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeBit(requeue);
    }

    static BasicRecoverAsync read(ArgumentReader in) {
        boolean requeue = in.readBit();
        return new BasicRecoverAsync(requeue);
    }
}
