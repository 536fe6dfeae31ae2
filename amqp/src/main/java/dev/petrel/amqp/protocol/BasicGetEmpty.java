package dev.petrel.amqp.protocol;

/** {@code basic.get-empty} (class 60, method 72). */
public record BasicGetEmpty() implements Method {
    public static final int CLASS_ID = 60;
    public static final int METHOD_ID = 72;

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
        return "basic.get-empty";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShortString("");
    }

    static BasicGetEmpty read(ArgumentReader in) {
        in.readShortString();
        return new BasicGetEmpty();
    }
}
