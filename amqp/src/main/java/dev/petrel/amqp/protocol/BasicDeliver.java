package dev.petrel.amqp.protocol;

/** {@code basic.deliver} (class 60, method 60), followed by content. */
public record BasicDeliver(
        String consumerTag, long deliveryTag, boolean redelivered, String exchange, String routingKey)
        implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 60;

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
        return "basic.deliver";
    }

    @Override
    public boolean hasContent() {
        return true;
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString(consumerTag);
        out.writeLongLong(deliveryTag);
        out.writeBit(redelivered);
        out.writeShortString(exchange);
        out.writeShortString(routingKey);
    }

    static BasicDeliver read(ArgumentReader in) {
        String consumerTag = in.readShortString();
        long deliveryTag = in.readLongLong();
        boolean redelivered = in.readBit();
        String exchange = in.readShortString();
        String routingKey = in.readShortString();
        return new BasicDeliver(consumerTag, deliveryTag, redelivered, exchange, routingKey);
    }
}
