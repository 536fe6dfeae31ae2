package dev.petrel.amqp.protocol;

/** {@code queue.delete-ok} (class 50, method 41). */
public record QueueDeleteOk(int messageCount) implements Method {
    public static final int CLASS_ID = 50;
    public static final int METHOD_ID = 41;

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
        return "queue.delete-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLong(messageCount);
    }

    static QueueDeleteOk read(ArgumentReader in) {
        int messageCount = in.readLong();
        return new QueueDeleteOk(messageCount);
    }
}
