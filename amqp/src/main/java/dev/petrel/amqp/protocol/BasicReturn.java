package dev.petrel.amqp.protocol;

/** {@code basic.return} (class 60, method 50), followed by content. */
public record BasicReturn(int replyCode, String replyText, String exchange, String routingKey) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 50;

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
        return "basic.return";
    }

    @Override
    public boolean hasContent() {
        return true;
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(replyCode);
        out.writeShortString(replyText);
        out.writeShortString(exchange);
        out.writeShortString(routingKey);
    }

    static BasicReturn read(ArgumentReader in) {
        int replyCode = in.readShort();
        String replyText = in.readShortString();
        String exchange = in.readShortString();
        String routingKey = in.readShortString();
        return new BasicReturn(replyCode, replyText, exchange, routingKey);
    }
}
