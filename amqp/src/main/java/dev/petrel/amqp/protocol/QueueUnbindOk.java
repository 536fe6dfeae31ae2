package dev.petrel.amqp.protocol;

/** {@code queue.unbind-ok} (class 50, method 51). */
public record QueueUnbindOk() implements Method {
    public static final int CLASS_ID = 50;
    public static final int METHOD_ID = 51;

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
        return "queue.unbind-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static QueueUnbindOk read(ArgumentReader in) {
        return new QueueUnbindOk();
    }
}
