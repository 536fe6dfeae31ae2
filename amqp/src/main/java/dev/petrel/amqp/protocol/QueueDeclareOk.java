package dev.petrel.amqp.protocol;

/** {@code queue.declare-ok} (class 50, method 11). */
public record QueueDeclareOk(String queue, int messageCount, int consumerCount) implements Method {
    public static final int CLASS_ID = 50;
    public static final int METHOD_ID = 11;

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
        return "queue.declare-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString(queue);
        out.writeLong(messageCount);
        out.writeLong(consumerCount);
    }

    static QueueDeclareOk read(ArgumentReader in) {
        String queue = in.readShortString();
        int messageCount = in.readLong();
        int consumerCount = in.readLong();
        return new QueueDeclareOk(queue, messageCount, consumerCount);
    }
}
