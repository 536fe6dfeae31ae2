package dev.petrel.amqp.protocol;

/** {@code channel.close-ok} (class 20, method 41). */
public record ChannelCloseOk() implements Method {
    public static final int CLASS_ID = 20;
    public static final int METHOD_ID = 41;

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
        return "channel.close-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ChannelCloseOk read(ArgumentReader in) {
        return new ChannelCloseOk();
    }
}
