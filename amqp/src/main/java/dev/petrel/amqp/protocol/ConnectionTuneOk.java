package dev.petrel.amqp.protocol;

/** {@code connection.tune-ok} (class 10, method 31). */
public record ConnectionTuneOk(int channelMax, int frameMax, int heartbeat) implements Method {
    public static final int CLASS_ID = 10;
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
        return "connection.tune-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(channelMax);
        out.writeLong(frameMax);
        out.writeShort(heartbeat);
    }

    static ConnectionTuneOk read(ArgumentReader in) {
        int channelMax = in.readShort();
        int frameMax = in.readLong();
        int heartbeat = in.readShort();
        return new ConnectionTuneOk(channelMax, frameMax, heartbeat);
    }
}
