package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code queue.unbind} (class 50, method 50). */
public record QueueUnbind(String queue, String exchange, String routingKey, Map<String, Object> arguments)
        implements Method {
    public static final int CLASS_ID = 50;
    public static final int METHOD_ID = 50;

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
        return "queue.unbind";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(queue);
        out.writeShortString(exchange);
        out.writeShortString(routingKey);
        out.writeTable(arguments);
    }

    static QueueUnbind read(ArgumentReader in) {
        in.readShort();
        String queue = in.readShortString();
        String exchange = in.readShortString();
        String routingKey = in.readShortString();
        Map<String, Object> arguments = in.readTable();
        return new QueueUnbind(queue, exchange, routingKey, arguments);
    }
}
