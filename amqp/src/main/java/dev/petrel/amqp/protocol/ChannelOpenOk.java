package dev.petrel.amqp.protocol;

/** {@code channel.open-ok} (class 20, method 11). */
public record ChannelOpenOk() implements Method {
    public static final int CLASS_ID = 20;
    public static final int METHOD_ID = 11;

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
        return "channel.open-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeLongString("");
    }

    static ChannelOpenOk read(ArgumentReader in) {
        in.readLongString();
        return new ChannelOpenOk();
    }
}
