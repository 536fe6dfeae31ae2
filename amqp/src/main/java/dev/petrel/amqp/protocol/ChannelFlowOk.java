package dev.petrel.amqp.protocol;

/** {@code channel.flow-ok} (class 20, method 21). */
public record ChannelFlowOk(boolean active) implements Method {
    public static final int CLASS_ID = 20;
    public static final int METHOD_ID = 21;

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
        return "channel.flow-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeBit(active);
    }

    static ChannelFlowOk read(ArgumentReader in) {
        boolean active = in.readBit();
        return new ChannelFlowOk(active);
    }
}
