package dev.petrel.amqp.protocol;

/** {@code tx.rollback-ok} (class 90, method 31). */
public record TxRollbackOk() implements Method {
    public static final int CLASS_ID = 90;
    public static final int METHOD_ID = 31;

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
        return "tx.rollback-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static TxRollbackOk read(ArgumentReader in) {
        return new TxRollbackOk();
    }
}
