package dev.petrel.amqp.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The SASL mechanisms a client may pick in {@code connection.start-ok}, and how their responses carry a user name and
 * a password. PLAIN is {@code NUL user NUL password} (RabbitMQ accepts no authorisation identity before the first
 * NUL); AMQPLAIN is the entries of an AMQP field table, {@code LOGIN} and {@code PASSWORD} as long strings, written
 * without the table's own length prefix, as RabbitMQ's clients send it.
 */
public final class Sasl {
    /** As RabbitMQ offers them in {@code connection.start}. */
    public static final String MECHANISMS = "PLAIN AMQPLAIN";

    /** What a client claims to be. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }

    private Sasl() {}

    /**
     * The user and password in {@code response}; throws {@link AuthFailure} for a mechanism that is not offered or a
     * response that does not parse.
     */
    public static Credentials decode(String mechanism, byte[] response) throws AuthFailure {
        return switch (mechanism) {
            case "PLAIN" -> plain(response);
            case "AMQPLAIN" -> amqplain(response);
            default -> throw new AuthFailure("COMMAND_INVALID - unknown authentication mechanism '" + mechanism + "'");
        };
    }

    private static Credentials plain(byte[] response) throws AuthFailure {
        int second = response.length > 0 && response[0] == 0 ? indexOfNul(response, 1) : -1;
        if (second < 0 || indexOfNul(response, second + 1) >= 0) {
            throw invalid("PLAIN response of " + response.length + " bytes invalid");
        }
        return new Credentials(utf8(response, 1, second - 1), utf8(response, second + 1, response.length - second - 1));
    }

    private static Credentials amqplain(byte[] response) throws AuthFailure {
        ByteBuffer in = ByteBuffer.wrap(response);
        String login = null;
        String password = null;
        while (in.hasRemaining()) {
            String name = shortString(in);
            if (!in.hasRemaining()) {
                throw malformedTable();
            }
            byte type = in.get();
            if (type != 'S') {
                throw invalid("AMQPLAIN auth info field '" + name + "' has type '" + (char) type
                        + "'; LOGIN and PASSWORD must be long strings");
            }
            String value = longString(in);
            if (name.equals("LOGIN")) {
                login = value;
            } else if (name.equals("PASSWORD")) {
                password = value;
            }
        }
        if (login == null || password == null) {
            throw invalid("AMQPLAIN auth info is missing LOGIN or PASSWORD field");
        }
        return new Credentials(login, password);
    }

    private static String shortString(ByteBuffer in) throws AuthFailure {
        int length = in.get() & 0xff;
        if (in.remaining() < length) {
            throw malformedTable();
        }
        return read(in, length);
    }

    private static String longString(ByteBuffer in) throws AuthFailure {
        if (in.remaining() < 4) {
            throw malformedTable();
        }
        long length = in.getInt() & 0xffffffffL;
        if (in.remaining() < length) {
            throw malformedTable();
        }
        return read(in, (int) length);
    }

    private static String read(ByteBuffer in, int length) throws AuthFailure {
        String s = utf8(in.array(), in.position(), length);
        in.position(in.position() + length);
        return s;
    }

    private static String utf8(byte[] bytes, int offset, int length) throws AuthFailure {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("credentials are not valid UTF-8");
        }
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static AuthFailure malformedTable() {
        return invalid("AMQPLAIN auth info is not a well-formed field table");
    }

    private static AuthFailure invalid(String why) {
        return new AuthFailure("SYNTAX_ERROR - " + why);
    }
}
