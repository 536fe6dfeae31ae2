package dev.petrel.amqp.protocol;

/** {@code queue.delete} (class 50, method 40). */
public record QueueDelete(String queue, boolean ifUnused, boolean ifEmpty, boolean noWait) implements Method {
    public static final int CLASS_ID = 50;
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
        return "queue.delete";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(queue);
        out.writeBit(ifUnused);
        out.writeBit(ifEmpty);
        out.writeBit(noWait);
    }

    static QueueDelete read(ArgumentReader in) {
        in.readShort();
        String queue = in.readShortString();
        boolean ifUnused = in.readBit();
        boolean ifEmpty = in.readBit();
        boolean noWait = in.readBit();
        return new QueueDelete(queue, ifUnused, ifEmpty, noWait);
    }
}
