package dev.petrel.amqp.protocol;

/** {@code exchange.bind-ok} (class 40, method 31). */
public record ExchangeBindOk() implements Method {
    public static final int CLASS_ID = 40;
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
        return "exchange.bind-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ExchangeBindOk read(ArgumentReader in) {
        return new ExchangeBindOk();
    }
}
