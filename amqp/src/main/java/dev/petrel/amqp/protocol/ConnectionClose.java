package dev.petrel.amqp.protocol;

/** {@code connection.close} (class 10, method 50). */
public record ConnectionClose(int replyCode, String replyText, int classId, int methodId) implements Method {
    public static final int CLASS_ID = 10;
    public static final int METHOD_ID = 50;

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
        return "connection.close";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(replyCode);
        out.writeShortString(replyText);
        out.writeShort(classId);
        out.writeShort(methodId);
    }

    static ConnectionClose read(ArgumentReader in) {
        int replyCode = in.readShort();
        String replyText = in.readShortString();
        int classId = in.readShort();
        int methodId = in.readShort();
        return new ConnectionClose(replyCode, replyText, classId, methodId);
    }
}
