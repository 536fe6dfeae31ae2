package dev.petrel.amqp.protocol;

import java.util.Map;

/** {@code basic.consume} (class 60, method 20). */
public record BasicConsume(
        String queue,
        String consumerTag,
        boolean noLocal,
        boolean noAck,
        boolean exclusive,
        boolean noWait,
        Map<String, Object> arguments)
        implements Method {
    public static final int CLASS_ID = 60;
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
        return "basic.consume";
    }

    @Override
    public void writeArguments(ArgumentWriter out) {
        out.writeShort(0);
        out.writeShortString(queue);
        out.writeShortString(consumerTag);
        out.writeBit(noLocal);
        out.writeBit(noAck);
        out.writeBit(exclusive);
        out.writeBit(noWait);
        out.writeTable(arguments);
    }

    static BasicConsume read(ArgumentReader in) {
        in.readShort();
        String queue = in.readShortString();
        String consumerTag = in.readShortString();
        boolean noLocal = in.readBit();
        boolean noAck = in.readBit();
        boolean exclusive = in.readBit();
        boolean noWait = in.readBit();
        Map<String, Object> arguments = in.readTable();
        return new BasicConsume(queue, consumerTag, noLocal, noAck, exclusive, noWait, arguments);
    }
}
