package dev.petrel.amqp.protocol;

/** {@code queue.purge-ok} (class 50, method 31). */
public record QueuePurgeOk(int messageCount) implements Method {
    public static final int CLASS_ID = 50;
    public static final int METHOD_ID = 31;

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
        return "queue.purge-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLong(messageCount);
    }

    static QueuePurgeOk read(ArgumentReader in) {
        int messageCount = in.readLong();
        return new QueuePurgeOk(messageCount);
    }
}
