package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code queue.declare} (class 50, method 10). */
public record QueueDeclare(
        String queue,
        boolean passive,
        boolean durable,
        boolean exclusive,
        boolean autoDelete,
        boolean noWait,
        Map<String, Object> arguments)
        implements Method {
    public static final int CLASS_ID = 50;
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
        return "queue.declare";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(queue);
        out.writeBit(passive);
        out.writeBit(durable);
        out.writeBit(exclusive);
        out.writeBit(autoDelete);
        out.writeBit(noWait);
        out.writeTable(arguments);
    }

    static QueueDeclare read(ArgumentReader in) {
        in.readShort();
        String queue = in.readShortString();
        boolean passive = in.readBit();
        boolean durable = in.readBit();
        boolean exclusive = in.readBit();
        boolean autoDelete = in.readBit();
        boolean noWait = in.readBit();
        Map<String, Object> arguments = in.readTable();
        return new QueueDeclare(queue, passive, durable, exclusive, autoDelete, noWait, arguments);
    }
}
