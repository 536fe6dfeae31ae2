package dev.petrel.amqp.protocol;

/** {@code queue.bind-ok} (class 50, method 21). */
public record QueueBindOk() implements Method {
    public static final int CLASS_ID = 50;
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
        return "queue.bind-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static QueueBindOk read(ArgumentReader in) {
        return new QueueBindOk();
    }
}
