package dev.petrel.amqp.protocol;

/** {@code channel.close} (class 20, method 40). */
public record ChannelClose(int replyCode, String replyText, int classId, int methodId) implements Method {
    public static final int CLASS_ID = 20;
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
        return "channel.close";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(replyCode);
        out.writeShortString(replyText);
        out.writeShort(classId);
        out.writeShort(methodId);
    }

    static ChannelClose read(ArgumentReader in) {
        int replyCode = in.readShort();
        String replyText = in.readShortString();
        int classId = in.readShort();
        int methodId = in.readShort();
        return new ChannelClose(replyCode, replyText, classId, methodId);
    }
}
