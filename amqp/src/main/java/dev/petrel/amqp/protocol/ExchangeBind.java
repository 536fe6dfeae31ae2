package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code exchange.bind} (class 40, method 30). */
public record ExchangeBind(
        String destination, String source, String routingKey, boolean noWait, Map<String, Object> arguments)
        implements Method {
    public static final int CLASS_ID = 40;
    public static final int METHOD_ID = 30;

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
        return "exchange.bind";
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

    static ExchangeBind read(ArgumentReader in) {
        in.readShort();
        String destination = in.readShortString();
        String source = in.readShortString();
        String routingKey = in.readShortString();
        boolean noWait = in.readBit();
        Map<String, Object> arguments = in.readTable();
        return new ExchangeBind(destination, source, routingKey, noWait, arguments);
    }
}
