package dev.petrel.amqp.auth;

/** Why a login failed, as the reply text RabbitMQ gives. */
public final class AuthFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthFailure(String replyText) {
        super(replyText, null, false, false);
    }
}
