package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code exchange.unbind} (class 40, method 40). */
public record ExchangeUnbind(
        String destination, String source, String routingKey, boolean noWait, Map<String, Object> arguments)
        implements Method {
    public static final int CLASS_ID = 40;
    public static final int METHOD_ID = 40;

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
        return "exchange.unbind";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(destination);
        out.writeShortString(source);
        out.writeShortString(routingKey);
        out.writeBit(noWait);
        out.writeTable(arguments);
    }

    static ExchangeUnbind read(ArgumentReader in) {
        in.readShort();
        String destination = in.readShortString();
        String source = in.readShortString();
        String routingKey = in.readShortString();
        boolean noWait = in.readBit();
        Map<String, Object> arguments = in.readTable();
        return new ExchangeUnbind(destination, source, routingKey, noWait, arguments);
    }
}
