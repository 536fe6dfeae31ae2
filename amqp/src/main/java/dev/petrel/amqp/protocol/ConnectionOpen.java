package dev.petrel.amqp.protocol;

/** {@code connection.open} (class 10, method 40). */
public record ConnectionOpen(String virtualHost) implements Method {
    public static final int CLASS_ID = 10;
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
        return "connection.open";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString(virtualHost);
        out.writeShortString("");
        out.writeBit(false);
    }

    static ConnectionOpen read(ArgumentReader in) {
        String virtualHost = in.readShortString();
        in.readShortString();
        in.readBit();
        return new ConnectionOpen(virtualHost);
    }
}
