package dev.petrel.amqp.protocol;

/** {@code basic.cancel-ok} (class 60, method 31). */
public record BasicCancelOk(String consumerTag) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 31;

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
        return "basic.cancel-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString(consumerTag);
    }

    static BasicCancelOk read(ArgumentReader in) {
        String consumerTag = in.readShortString();
        return new BasicCancelOk(consumerTag);
    }
}
