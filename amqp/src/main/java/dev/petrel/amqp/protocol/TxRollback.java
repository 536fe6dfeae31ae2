package dev.petrel.amqp.protocol;

/** {@code tx.rollback} (class 90, method 30). */
public record TxRollback() implements Method {
    public static final int CLASS_ID = 90;
    public static final int METHOD_ID = 30;

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
        return "tx.rollback";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static TxRollback read(ArgumentReader in) {
        return new TxRollback();
    }
}
