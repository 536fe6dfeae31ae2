package dev.petrel.amqp.protocol;

/** {@code basic.cancel} (class 60, method 30). */
public record BasicCancel(String consumerTag, boolean noWait) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 30;

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
        return "basic.cancel";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString(consumerTag);
        out.writeBit(noWait);
    }

    static BasicCancel read(ArgumentReader in) {
        String consumerTag = in.readShortString();
        boolean noWait = in.readBit();
        return new BasicCancel(consumerTag, noWait);
    }
}
