package dev.petrel.amqp.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The SASL mechanisms offered in {@code connection.start}: PLAIN ({@code authzid NUL user NUL password}) and AMQPLAIN
 * (a field table with LOGIN and PASSWORD, sent without the table's length prefix).
 */
public final class Sasl {
    public static final String MECHANISMS = "PLAIN AMQPLAIN";

    private Sasl() {}

    public record Credentials(String user, String password) {}

    public static Credentials decode(String mechanism, byte[] response) throws AuthFailure {
        return switch (mechanism) {
            case "PLAIN" -> plain(response);
            case "AMQPLAIN" -> amqplain(response);
            default ->
                throw new AuthFailure("ACCESS_REFUSED - unsupported authentication mechanism '" + mechanism
                        + "'. Supported mechanisms: " + MECHANISMS.replace(' ', ','));
        };
    }

    private static Credentials plain(byte[] r) throws AuthFailure {
        String s = new String(r, StandardCharsets.UTF_8);
        int first = s.indexOf('\0');
        int second = first < 0 ? -1 : s.indexOf('\0', first + 1);
        if (second < 0) {
            throw new AuthFailure("ACCESS_REFUSED - malformed PLAIN response");
        }
        return new Credentials(s.substring(first + 1, second), s.substring(second + 1));
    }

    private static Credentials amqplain(byte[] r) throws AuthFailure {
        ByteBuffer in = ByteBuffer.wrap(r);
        String login = null;
        String password = null;
        try {
            // some clients send the table's length first; skip it when it matches what follows
            if (r.length >= 4 && in.getInt(0) == r.length - 4) {
                in.position(4);
            }
            while (in.hasRemaining()) {
                byte[] key = new byte[in.get() & 0xFF];
                in.get(key);
                if (in.get() != 'S') {
                    throw new AuthFailure("ACCESS_REFUSED - malformed AMQPLAIN response");
                }
                byte[] value = new byte[in.getInt()];
                in.get(value);
                String k = new String(key, StandardCharsets.UTF_8);
                if (k.equals("LOGIN")) {
                    login = new String(value, StandardCharsets.UTF_8);
                } else if (k.equals("PASSWORD")) {
                    password = new String(value, StandardCharsets.UTF_8);
                }
            }
        } catch (RuntimeException e) {
            throw new AuthFailure("ACCESS_REFUSED - malformed AMQPLAIN response");
        }
        if (login == null || password == null) {
            throw new AuthFailure("ACCESS_REFUSED - AMQPLAIN response lacks LOGIN or PASSWORD");
        }
        return new Credentials(login, password);
    }
}
