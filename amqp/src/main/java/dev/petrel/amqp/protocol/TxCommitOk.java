package dev.petrel.amqp.protocol;

/** {@code tx.commit-ok} (class 90, method 21). */
public record TxCommitOk() implements Method {
    public static final int CLASS_ID = 90;
    public static final int METHOD_ID = 21;

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
        return "tx.commit-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static TxCommitOk read(ArgumentReader in) {
        return new TxCommitOk();
    }
}
