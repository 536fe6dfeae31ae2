package dev.petrel.amqp.protocol;

/** {@code basic.get} (class 60, method 70). */
public record BasicGet(String queue, boolean noAck) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 70;

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
        return "basic.get";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(queue);
        out.writeBit(noAck);
    }

    static BasicGet read(ArgumentReader in) {
        in.readShort();
        String queue = in.readShortString();
        boolean noAck = in.readBit();
        return new BasicGet(queue, noAck);
    }
}
