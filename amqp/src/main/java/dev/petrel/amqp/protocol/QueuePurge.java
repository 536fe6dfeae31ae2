package dev.petrel.amqp.protocol;

/** {@code queue.purge} (class 50, method 30). */
public record QueuePurge(String queue, boolean noWait) implements Method {
    public static final int CLASS_ID = 50;
    public static final int METHOD_ID = 30;

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
        return "queue.purge";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(queue);
        out.writeBit(noWait);
    }

    static QueuePurge read(ArgumentReader in) {
        in.readShort();
        String queue = in.readShortString();
        boolean noWait = in.readBit();
        return new QueuePurge(queue, noWait);
    }
}
