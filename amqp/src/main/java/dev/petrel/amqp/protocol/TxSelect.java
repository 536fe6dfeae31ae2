package dev.petrel.amqp.protocol;

/** {@code tx.select} (class 90, method 10). */
public record TxSelect() implements Method {
    public static final int CLASS_ID = 90;
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
        return "tx.select";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static TxSelect read(ArgumentReader in) {
        return new TxSelect();
    }
}
