package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code queue.bind} (class 50, method 20). */
public record QueueBind(String queue, String exchange, String routingKey, boolean noWait, Map<String, Object> arguments)
        implements Method {
    public static final int CLASS_ID = 50;
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
        return "queue.bind";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(queue);
        out.writeShortString(exchange);
        out.writeShortString(routingKey);
        out.writeBit(noWait);
        out.writeTable(arguments);
    }

    static QueueBind read(ArgumentReader in) {
        in.readShort();
        String queue = in.readShortString();
        String exchange = in.readShortString();
        String routingKey = in.readShortString();
        boolean noWait = in.readBit();
        Map<String, Object> arguments = in.readTable();
        return new QueueBind(queue, exchange, routingKey, noWait, arguments);
    }
}
