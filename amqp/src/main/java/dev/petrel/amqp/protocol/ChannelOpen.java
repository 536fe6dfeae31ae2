package dev.petrel.amqp.protocol;

/** {@code channel.open} (class 20, method 10). */
public record ChannelOpen() implements Method {
    public static final int CLASS_ID = 20;
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
        return "channel.open";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString("");
    }

    static ChannelOpen read(ArgumentReader in) {
        in.readShortString();
        return new ChannelOpen();
    }
}
