package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.SaslConfig;
import com.rabbitmq.client.SaslMechanism;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.LongStringHelper;
import dev.petrel.amqp.AmqpConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Authentication and authorisation: PLAIN and AMQPLAIN logins, vhost access at connection.open and the configure, write
 * and read permission patterns at each method that needs them, with RabbitMQ's exact reply codes and texts.
 *
 * <p>Against another broker, set up the users first:
 *
 * <pre>
 * rabbitmqctl add_vhost it-acl
 * rabbitmqctl add_user it-user it-secret
 * rabbitmqctl add_user it-nobody nobody-pw
 * rabbitmqctl set_permissions -p it-acl it-user '^cfg-.*' '^cfg-w.*' '^cfg-r.*'
 * </pre>
 */
class AccessControlIT extends AmqpITSupport {
    private static final String VHOST = "it-acl";
    private static final String USER = "it-user";

    @Override
    protected AmqpConfig configure(AmqpConfig config) {
        return config.addVhost(VHOST)
                .addUser(USER, "it-secret")
                .addUser("it-nobody", "nobody-pw")
                .setPermissions(USER, VHOST, "^cfg-.*", "^cfg-w.*", "^cfg-r.*");
    }

    private ConnectionFactory factory(String user, String password, String vhost) {
        ConnectionFactory f = factory();
        f.setUsername(user);
        f.setPassword(password);
        f.setVirtualHost(vhost);
        return f;
    }

    private Connection connectAsUser() throws Exception {
        return factory(USER, "it-secret", VHOST).newConnection();
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> factory(USER, "wrong", VHOST).newConnection())
                .isInstanceOf(AuthenticationFailureException.class)
                .hasMessage("ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."
                        + " For details see the broker logfile.");
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThatThrownBy(() -> factory("it-nobody-at-all", "x", "/").newConnection())
                .isInstanceOf(AuthenticationFailureException.class)
                .hasMessage("ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."
                        + " For details see the broker logfile.");
    }

    @Test
    void aUserWithoutPermissionsOnTheVhostIsNotAllowedIn() {
        assertConnectionOpenRefused(
                factory("it-nobody", "nobody-pw", VHOST),
                "NOT_ALLOWED - access to vhost 'it-acl' refused for user 'it-nobody'");
    }

    @Test
    void anUnknownVhostIsNotAllowed() {
        assertConnectionOpenRefused(
                factory(USER, "it-secret", "it-no-such-vhost"), "NOT_ALLOWED - vhost it-no-such-vhost not found");
    }

    @Test
    void declaringNeedsConfigurePermission() throws Exception {
        try (Connection c = connectAsUser()) {
            String allowed = unique("cfg-q");
            c.createChannel().queueDeclare(allowed, false, false, true, null);
            String denied = unique("other-q");
            assertChannelClose(
                    c, ch -> ch.queueDeclare(denied, false, false, true, null), refused("queue '" + denied + "'"));
            String deniedExchange = unique("other-x");
            assertChannelClose(
                    c,
                    ch -> ch.exchangeDeclare(deniedExchange, "fanout", false, true, null),
                    refused("exchange '" + deniedExchange + "'"));
            c.createChannel().queueDelete(allowed);
        }
    }

    @Test
    void publishingNeedsWritePermissionOnTheExchange() throws Exception {
        try (Connection c = connectAsUser()) {
            String exchange = unique("cfg-w-x");
            Channel ch = c.createChannel();
            ch.exchangeDeclare(exchange, "fanout", false, true, null);
            ch.basicPublish(exchange, "", null, "allowed".getBytes(UTF_8));
            ch.exchangeDelete(exchange);
            assertChannelClose(c, x -> x.basicPublish("", "any", null, new byte[0]), refused("exchange 'amq.default'"));
        }
    }

    @Test
    void consumingNeedsReadPermissionOnTheQueue() throws Exception {
        try (Connection c = connectAsUser()) {
            Channel ch = c.createChannel();
            String readable = unique("cfg-r-q");
            ch.queueDeclare(readable, false, false, true, null);
            ch.basicConsume(readable, new DefaultConsumer(ch));
            String unreadable = unique("cfg-q");
            ch.queueDeclare(unreadable, false, false, true, null);
            assertChannelClose(
                    c, x -> x.basicConsume(unreadable, new DefaultConsumer(x)), refused("queue '" + unreadable + "'"));
            assertChannelClose(c, x -> x.basicGet(unreadable, true), refused("queue '" + unreadable + "'"));
            ch.queueDelete(readable);
            ch.queueDelete(unreadable);
        }
    }

    @Test
    void bindingNeedsWriteOnTheQueueAndReadOnTheExchange() throws Exception {
        try (Connection c = connectAsUser()) {
            Channel ch = c.createChannel();
            String notWritable = unique("cfg-q");
            String writable = unique("cfg-w-q");
            String readableExchange = unique("cfg-r-x");
            ch.queueDeclare(notWritable, false, false, true, null);
            ch.queueDeclare(writable, false, false, true, null);
            ch.exchangeDeclare(readableExchange, "fanout", false, true, null);
            ch.queueBind(writable, readableExchange, "");
            assertChannelClose(
                    c, x -> x.queueBind(notWritable, readableExchange, ""), refused("queue '" + notWritable + "'"));
            assertChannelClose(c, x -> x.queueBind(writable, "amq.fanout", ""), refused("exchange 'amq.fanout'"));
            ch.queueDelete(notWritable);
            ch.queueDelete(writable);
            ch.exchangeDelete(readableExchange);
        }
    }

    @Test
    void amqplainLogsIn() throws Exception {
        ConnectionFactory f = factory(USER, "it-secret", VHOST);
        f.setSaslConfig(AmqPlain.CONFIG);
        try (Connection c = f.newConnection()) {
            String q = unique("cfg-amqplain");
            Channel ch = c.createChannel();
            assertThat(ch.queueDeclare(q, false, false, true, null).getQueue()).isEqualTo(q);
            ch.queueDelete(q);
        }
        ConnectionFactory wrong = factory(USER, "wrong", VHOST);
        wrong.setSaslConfig(AmqPlain.CONFIG);
        assertThatThrownBy(wrong::newConnection)
                .isInstanceOf(AuthenticationFailureException.class)
                .hasMessage("ACCESS_REFUSED - Login was refused using authentication mechanism AMQPLAIN."
                        + " For details see the broker logfile.");
    }

    /** The AMQPLAIN mechanism, which the Java client lacks: LOGIN and PASSWORD as a field table without its length. */
    static final class AmqPlain implements SaslMechanism {
        static final SaslConfig CONFIG = mechanisms -> {
            assertThat(Arrays.asList(mechanisms)).contains("AMQPLAIN");
            return new AmqPlain();
        };

        @Override
        public String getName() {
            return "AMQPLAIN";
        }

        @Override
        public LongString handleChallenge(LongString challenge, String username, String password) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                writeEntry(out, "LOGIN", username);
                writeEntry(out, "PASSWORD", password);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return LongStringHelper.asLongString(bytes.toByteArray());
        }

        private static void writeEntry(DataOutputStream out, String key, String value) throws IOException {
            byte[] k = key.getBytes(UTF_8);
            byte[] v = value.getBytes(UTF_8);
            out.writeByte(k.length);
            out.write(k);
            out.writeByte('S');
            out.writeInt(v.length);
            out.write(v);
        }
    }

    private static String refused(String resource) {
        return "ACCESS_REFUSED - access to " + resource + " in vhost 'it-acl' refused for user 'it-user'";
    }

    private static void assertConnectionOpenRefused(ConnectionFactory f, String text) {
        assertThatThrownBy(f::newConnection).isInstanceOf(IOException.class).satisfies(e -> {
            AMQP.Connection.Close close = (AMQP.Connection.Close) ((ShutdownSignalException) e.getCause()).getReason();
            assertThat(close.getReplyCode()).isEqualTo(530);
            assertThat(close.getReplyText()).isEqualTo(text);
        });
    }

    interface ChannelOp {
        void run(Channel ch) throws IOException;
    }

    private static void assertChannelClose(Connection c, ChannelOp op, String text) throws IOException {
        Channel ch = c.createChannel();
        assertThatThrownBy(() -> {
                    op.run(ch);
                    ch.basicQos(0); // a synchronous round trip, so that an asynchronous refusal (publish) shows up
                })
                .satisfies(e -> {
                    // IOException from a refused round trip, AlreadyClosedException if the close came in first
                    ShutdownSignalException signal =
                            e instanceof ShutdownSignalException s ? s : (ShutdownSignalException) e.getCause();
                    AMQP.Channel.Close close = (AMQP.Channel.Close) signal.getReason();
                    assertThat(close.getReplyCode()).isEqualTo(403);
                    assertThat(close.getReplyText()).isEqualTo(text);
                });
        assertThat(c.isOpen()).isTrue();
    }
}
