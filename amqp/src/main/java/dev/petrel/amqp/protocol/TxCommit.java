package dev.petrel.amqp.protocol;

/** {@code tx.commit} (class 90, method 20). */
public record TxCommit() implements Method {
    public static final int CLASS_ID = 90;
    public static final int METHOD_ID = 20;

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
        return "tx.commit";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static TxCommit read(ArgumentReader in) {
        return new TxCommit();
    }
}
