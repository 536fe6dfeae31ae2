package dev.petrel.amqp.protocol;

/** {@code basic.nack} (class 60, method 120). */
public record BasicNack(long deliveryTag, boolean multiple, boolean requeue) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 120;

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
        return "basic.nack";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLongLong(deliveryTag);
        out.writeBit(multiple);
        out.writeBit(requeue);
    }

    static BasicNack read(ArgumentReader in) {
        long deliveryTag = in.readLongLong();
        boolean multiple = in.readBit();
        boolean requeue = in.readBit();
        return new BasicNack(deliveryTag, multiple, requeue);
    }
}
