package dev.petrel.amqp.protocol;

/** A protocol error: the reply code and text to close with, and the method it concerns (0, 0 if none). */
public final class AmqpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int replyCode;
    private final int classId;
    private final int methodId;

    public AmqpException(int replyCode, String text, int classId, int methodId) {
        super(text, null, false, false);
        this.replyCode = replyCode;
        this.classId = classId;
        this.methodId = methodId;
    }

    public AmqpException(int replyCode, String text) {
        this(replyCode, text, 0, 0);
    }

    public int replyCode() {
        return replyCode;
    }

    public String replyText() {
        return getMessage();
    }

    public int classId() {
        return classId;
    }

    public int methodId() {
        return methodId;
    }

    public boolean isConnectionError() {
        return Amqp.isHardError(replyCode);
    }
}
