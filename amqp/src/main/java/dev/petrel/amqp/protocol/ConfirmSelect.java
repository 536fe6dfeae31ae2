package dev.petrel.amqp.protocol;

/** {@code confirm.select} (class 85, method 10). */
public record ConfirmSelect(boolean noWait) implements Method {
    public static final int CLASS_ID = 85;
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
        return "confirm.select";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeBit(noWait);
    }

    static ConfirmSelect read(ArgumentReader in) {
        boolean noWait = in.readBit();
        return new ConfirmSelect(noWait);
    }
}
