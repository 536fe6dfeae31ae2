package dev.petrel.amqp.protocol;

/** {@code exchange.delete-ok} (class 40, method 21). */
public record ExchangeDeleteOk() implements Method {
    public static final int CLASS_ID = 40;
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
        return "exchange.delete-ok";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {}

    static ExchangeDeleteOk read(ArgumentReader in) {
        return new ExchangeDeleteOk();
    }
}
