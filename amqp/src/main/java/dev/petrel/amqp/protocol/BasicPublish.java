package dev.petrel.amqp.protocol;

/** {@code basic.publish} (class 60, method 40), followed by content. */
public record BasicPublish(String exchange, String routingKey, boolean mandatory, boolean immediate) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 40;

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
        return "basic.publish";
    }

    @Override
    public boolean hasContent() {
        return true;
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(exchange);
        out.writeShortString(routingKey);
        out.writeBit(mandatory);
        out.writeBit(immediate);
    }

    static BasicPublish read(ArgumentReader in) {
        in.readShort();
        String exchange = in.readShortString();
        String routingKey = in.readShortString();
        boolean mandatory = in.readBit();
        boolean immediate = in.readBit();
        return new BasicPublish(exchange, routingKey, mandatory, immediate);
    }
}
