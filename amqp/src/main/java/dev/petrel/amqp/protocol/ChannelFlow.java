package dev.petrel.amqp.protocol;

/** {@code channel.flow} (class 20, method 20). */
public record ChannelFlow(boolean active) implements Method {
    public static final int CLASS_ID = 20;
    public static final int METHOD_ID = 20;

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
        return "channel.flow";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeBit(active);
    }

    static ChannelFlow read(ArgumentReader in) {
        boolean active = in.readBit();
        return new ChannelFlow(active);
    }
}
