package dev.petrel.amqp.protocol;

/** {@code basic.get-ok} (class 60, method 71), followed by content. */
public record BasicGetOk(long deliveryTag, boolean redelivered, String exchange, String routingKey, int messageCount)
        implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 71;

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
        return "basic.get-ok";
    }

    @Override
    public boolean hasContent() {
        return true;
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLongLong(deliveryTag);
        out.writeBit(redelivered);
        out.writeShortString(exchange);
        out.writeShortString(routingKey);
        out.writeLong(messageCount);
    }

    static BasicGetOk read(ArgumentReader in) {
        long deliveryTag = in.readLongLong();
        boolean redelivered = in.readBit();
        String exchange = in.readShortString();
        String routingKey = in.readShortString();
        int messageCount = in.readLong();
        return new BasicGetOk(deliveryTag, redelivered, exchange, routingKey, messageCount);
    }
}
