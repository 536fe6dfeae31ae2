package dev.petrel.amqp.auth;

/**
 * Why a login or a vhost open failed. {@link #getMessage()} is the reply text the client is told, in RabbitMQ's words
 * and with its {@code NAME - } prefix (for a refused login it names only the mechanism, never the reason); {@link
 * #detail()} is the reason, for the log. {@link #replyCode()} is the AMQP code that goes with the prefix.
 *
 * <p>RabbitMQ answers a refused login ({@code 403}) with {@code connection.close} when the client announced the
 * {@code authentication_failure_close} capability, and a vhost refusal ({@code 530}) with {@code connection.close}
 * always. For an unknown mechanism or a malformed response ({@code 503}, {@code 502}) it sends nothing and closes the
 * socket.
 */
public final class AuthFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String detail;

    public AuthFailure(String replyText) {
        this(replyText, replyText);
    }

    public AuthFailure(String replyText, String detail) {
        super(replyText, null, false, false);
        this.detail = detail;
    }

    /** The reason, for the broker log. */
    public String detail() {
        return detail;
    }

    /** The AMQP reply code matching the reply text's prefix (403 when the prefix is not one of ours). */
    public int replyCode() {
        String text = getMessage();
        if (text.startsWith("NOT_ALLOWED")) {
            return 530;
        }
        if (text.startsWith("COMMAND_INVALID")) {
            return 503;
        }
        if (text.startsWith("SYNTAX_ERROR")) {
            return 502;
        }
        return 403;
    }
}
