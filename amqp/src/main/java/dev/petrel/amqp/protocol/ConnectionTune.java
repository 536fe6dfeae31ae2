package dev.petrel.amqp.protocol;

/** {@code connection.tune} (class 10, method 30). */
public record ConnectionTune(int channelMax, int frameMax, int heartbeat) implements Method {
    public static final int CLASS_ID = 10;
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
        return "connection.tune";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(channelMax);
        out.writeLong(frameMax);
        out.writeShort(heartbeat);
    }

    static ConnectionTune read(ArgumentReader in) {
        int channelMax = in.readShort();
        int frameMax = in.readLong();
        int heartbeat = in.readShort();
        return new ConnectionTune(channelMax, frameMax, heartbeat);
    }
}
