package dev.petrel.amqp.protocol;

/** {@code basic.ack} (class 60, method 80). */
public record BasicAck(long deliveryTag, boolean multiple) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 80;

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
        return "basic.ack";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLongLong(deliveryTag);
        out.writeBit(multiple);
    }

    static BasicAck read(ArgumentReader in) {
        long deliveryTag = in.readLongLong();
        boolean multiple = in.readBit();
        return new BasicAck(deliveryTag, multiple);
    }
}
