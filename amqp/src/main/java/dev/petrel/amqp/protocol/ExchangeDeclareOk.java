package dev.petrel.amqp.protocol;

/** {@code exchange.declare-ok} (class 40, method 11). */
public record ExchangeDeclareOk() implements Method {
    public static final int CLASS_ID = 40;
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
        return "exchange.declare-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ExchangeDeclareOk read(ArgumentReader in) {
        return new ExchangeDeclareOk();
    }
}
