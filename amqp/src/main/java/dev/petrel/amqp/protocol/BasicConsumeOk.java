package dev.petrel.amqp.protocol;

/** {@code basic.consume-ok} (class 60, method 21). */
public record BasicConsumeOk(String consumerTag) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 21;

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
        return "basic.consume-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString(consumerTag);
    }

    static BasicConsumeOk read(ArgumentReader in) {
        String consumerTag = in.readShortString();
        return new BasicConsumeOk(consumerTag);
    }
}
