package dev.petrel.amqp.protocol;

/** {@code exchange.delete} (class 40, method 20). */
public record ExchangeDelete(String exchange, boolean ifUnused, boolean noWait) implements Method {
    public static final int CLASS_ID = 40;
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
        return "exchange.delete";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(exchange);
        out.writeBit(ifUnused);
        out.writeBit(noWait);
    }

    static ExchangeDelete read(ArgumentReader in) {
        in.readShort();
        String exchange = in.readShortString();
        boolean ifUnused = in.readBit();
        boolean noWait = in.readBit();
        return new ExchangeDelete(exchange, ifUnused, noWait);
    }
}
