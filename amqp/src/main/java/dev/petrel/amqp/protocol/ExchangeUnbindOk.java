package dev.petrel.amqp.protocol;

/** {@code exchange.unbind-ok} (class 40, method 51). */
public record ExchangeUnbindOk() implements Method {
    public static final int CLASS_ID = 40;
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
        return "exchange.unbind-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ExchangeUnbindOk read(ArgumentReader in) {
        return new ExchangeUnbindOk();
    }
}
