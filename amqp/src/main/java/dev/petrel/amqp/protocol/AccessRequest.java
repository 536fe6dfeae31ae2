package dev.petrel.amqp.protocol;

/** {@code access.request} (class 30, method 10). */
public record AccessRequest(
        String realm, boolean exclusive, boolean passive, boolean active, boolean write, boolean read)
        implements Method {
    public static final int CLASS_ID = 30;
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
        return "access.request";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString(realm);
        out.writeBit(exclusive);
        out.writeBit(passive);
        out.writeBit(active);
        out.writeBit(write);
        out.writeBit(read);
    }

    static AccessRequest read(ArgumentReader in) {
        String realm = in.readShortString();
        boolean exclusive = in.readBit();
        boolean passive = in.readBit();
        boolean active = in.readBit();
        boolean write = in.readBit();
        boolean read = in.readBit();
        return new AccessRequest(realm, exclusive, passive, active, write, read);
    }
}
