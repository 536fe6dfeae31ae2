package dev.petrel.amqp.protocol;

/** {@code basic.qos} (class 60, method 10). */
public record BasicQos(int prefetchSize, int prefetchCount, boolean global) implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 10;

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
        return "basic.qos";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLong(prefetchSize);
        out.writeShort(prefetchCount);
        out.writeBit(global);
    }

    static BasicQos read(ArgumentReader in) {
        int prefetchSize = in.readLong();
        int prefetchCount = in.readShort();
        boolean global = in.readBit();
        return new BasicQos(prefetchSize, prefetchCount, global);
    }
}
