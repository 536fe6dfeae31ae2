package dev.petrel.amqp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SaslTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One table entry: short-string name, type, then the value as the type wants it. */
    private static void entry(ByteArrayOutputStream out, String name, char type, byte[] value) {
        byte[] n = bytes(name);
        out.write(n.length);
        out.writeBytes(n);
        out.write(type);
        out.writeBytes(value);
    }

    private static byte[] longString(String s) {
        byte[] b = bytes(s);
        return ByteBuffer.allocate(4 + b.length).putInt(b.length).put(b).array();
    }

    private static byte[] amqplain(String login, String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry(out, "LOGIN", 'S', longString(login));
        entry(out, "PASSWORD", 'S', longString(password));
        return out.toByteArray();
    }

    @Test
    void offersWhatRabbitmqOffers() {
        assertThat(Sasl.MECHANISMS).isEqualTo("PLAIN AMQPLAIN");
    }

    @Test
    void plainIsNulUserNulPassword() throws Exception {
        assertThat(Sasl.decode("PLAIN", bytes("\0guest\0guest"))).isEqualTo(new Sasl.Credentials("guest", "guest"));
        assertThat(Sasl.decode("PLAIN", bytes("\0\0"))).isEqualTo(new Sasl.Credentials("", ""));
        assertThat(Sasl.decode("PLAIN", bytes("\0jürgen\0pä ss"))).isEqualTo(new Sasl.Credentials("jürgen", "pä ss"));
    }

    @Test
    void malformedPlainResponsesAreSyntaxErrors() {
        for (String bad : new String[] {"", "guest", "\0guest", "\0guest\0guest\0x", "x\0guest\0guest"}) {
            assertThatThrownBy(() -> Sasl.decode("PLAIN", bytes(bad))).isInstanceOfSatisfying(AuthFailure.class, f -> {
                assertThat(f.getMessage()).startsWith("SYNTAX_ERROR - ");
                assertThat(f.replyCode()).isEqualTo(502);
            });
        }
        byte[] notUtf8 = {0, 'u', 0, (byte) 0xff};
        assertThatThrownBy(() -> Sasl.decode("PLAIN", notUtf8)).isInstanceOf(AuthFailure.class);
    }

    @Test
    void amqplainIsTableEntriesWithoutTheLengthPrefix() throws Exception {
        assertThat(Sasl.decode("AMQPLAIN", amqplain("guest", "guest")))
                .isEqualTo(new Sasl.Credentials("guest", "guest"));

        ByteArrayOutputStream reversedWithExtra = new ByteArrayOutputStream();
        entry(reversedWithExtra, "PASSWORD", 'S', longString("pw"));
        entry(reversedWithExtra, "client", 'S', longString("x"));
        entry(reversedWithExtra, "LOGIN", 'S', longString("app"));
        assertThat(Sasl.decode("AMQPLAIN", reversedWithExtra.toByteArray()))
                .isEqualTo(new Sasl.Credentials("app", "pw"));
    }

    @Test
    void malformedAmqplainResponsesAreSyntaxErrors() {
        byte[] good = amqplain("guest", "guest");
        byte[] withPrefix = ByteBuffer.allocate(4 + good.length)
                .putInt(good.length)
                .put(good)
                .array();
        ByteArrayOutputStream onlyLogin = new ByteArrayOutputStream();
        entry(onlyLogin, "LOGIN", 'S', longString("guest"));
        ByteArrayOutputStream intLogin = new ByteArrayOutputStream();
        entry(intLogin, "LOGIN", 'I', new byte[] {0, 0, 0, 5});
        entry(intLogin, "PASSWORD", 'S', longString("guest"));
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        byte[] hugeLength = {5, 'L', 'O', 'G', 'I', 'N', 'S', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        for (byte[] bad : new byte[][] {
            withPrefix, onlyLogin.toByteArray(), intLogin.toByteArray(), truncated, hugeLength, {5, 'L', 'O', 'G'}, {}
        }) {
            assertThatThrownBy(() -> Sasl.decode("AMQPLAIN", bad))
                    .isInstanceOfSatisfying(
                            AuthFailure.class, f -> assertThat(f.getMessage()).startsWith("SYNTAX_ERROR - "));
        }
    }

    @Test
    void unknownMechanismIsACommandInvalid() {
        assertThatThrownBy(() -> Sasl.decode("EXTERNAL", new byte[0])).isInstanceOfSatisfying(AuthFailure.class, f -> {
            assertThat(f.getMessage()).isEqualTo("COMMAND_INVALID - unknown authentication mechanism 'EXTERNAL'");
            assertThat(f.replyCode()).isEqualTo(503);
        });
    }

    @Property(tries = 300)
    void amqplainRoundTrips(@ForAll String login, @ForAll String password) throws Exception {
        // Lone surrogates do not survive UTF-8; RabbitMQ's clients could not send them either.
        Assume.that(bytes(login).length < 256 && new String(bytes(login), StandardCharsets.UTF_8).equals(login));
        Assume.that(new String(bytes(password), StandardCharsets.UTF_8).equals(password));
        assertThat(Sasl.decode("AMQPLAIN", amqplain(login, password))).isEqualTo(new Sasl.Credentials(login, password));
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrowAnythingButAuthFailure(@ForAll byte[] response) {
        for (String mechanism : new String[] {"PLAIN", "AMQPLAIN"}) {
            try {
                Sasl.decode(mechanism, response);
            } catch (AuthFailure expected) {
                assertThat(expected.getMessage()).startsWith("SYNTAX_ERROR - ");
            }
        }
    }
}
