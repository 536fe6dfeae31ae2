package dev.petrel.amqp.protocol;

/** {@code basic.recover} (class 60, method 110). */
public record BasicRecover(boolean requeue) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 110;

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
        return "basic.recover";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeBit(requeue);
    }

    static BasicRecover read(ArgumentReader in) {
        boolean requeue = in.readBit();
        return new BasicRecover(requeue);
    }
}
