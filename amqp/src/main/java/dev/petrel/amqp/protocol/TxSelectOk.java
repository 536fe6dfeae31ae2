package dev.petrel.amqp.protocol;

/** {@code tx.select-ok} (class 90, method 11). */
public record TxSelectOk() implements Method {
    public static final int CLASS_ID = 90;
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
        return "tx.select-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static TxSelectOk read(ArgumentReader in) {
        return new TxSelectOk();
    }
}
