package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code exchange.declare} (class 40, method 10). */
public record ExchangeDeclare(
        String exchange,
        String type,
        boolean passive,
        boolean durable,
        boolean autoDelete,
        boolean internal,
        boolean noWait,
        Map<String, Object> arguments)
        implements Method {
    public static final int CLASS_ID = 40;
    public static final int METHOD_ID = 10;

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
        return "exchange.declare";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(exchange);
        out.writeShortString(type);
        out.writeBit(passive);
        out.writeBit(durable);
        out.writeBit(autoDelete);
        out.writeBit(internal);
        out.writeBit(noWait);
        out.writeTable(arguments);
    }

    static ExchangeDeclare read(ArgumentReader in) {
        in.readShort();
        String exchange = in.readShortString();
        String type = in.readShortString();
        boolean passive = in.readBit();
        boolean durable = in.readBit();
        boolean autoDelete = in.readBit();
        boolean internal = in.readBit();
        boolean noWait = in.readBit();
        Map<String, Object> arguments = in.readTable();
        return new ExchangeDeclare(exchange, type, passive, durable, autoDelete, internal, noWait, arguments);
    }
}
