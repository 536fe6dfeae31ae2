package dev.petrel.amqp.protocol;

/** One AMQP 0-9-1 method: a record per spec method, named after it ({@code QueueDeclare} is queue.declare). */
public interface Method {
    int classId();

    int methodId();

    /** The spec's name, e.g. {@code queue.declare}. */
    String name();

    /** Whether content (a header frame and body frames) follows this method. */
    default boolean hasContent() {
        return false;
    }

    /** Writes the method's arguments in spec order (reserved ones as zero). */
    void writeArguments(ArgumentWriter out);
}
