package dev.petrel.amqp.protocol;

/** {@code basic.reject} (class 60, method 90). */
public record BasicReject(long deliveryTag, boolean requeue) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 90;

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
        return "basic.reject";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLongLong(deliveryTag);
        out.writeBit(requeue);
    }

    static BasicReject read(ArgumentReader in) {
        long deliveryTag = in.readLongLong();
        boolean requeue = in.readBit();
        return new BasicReject(deliveryTag, requeue);
    }
}
