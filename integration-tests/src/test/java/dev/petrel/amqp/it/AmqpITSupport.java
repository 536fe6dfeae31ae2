package dev.petrel.amqp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.petrel.amqp.AmqpConfig;
import dev.petrel.amqp.AmqpServer;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts an AMQP door for a test class ({@link #configure} adjusts its configuration) and makes client connections to
 * it. With {@code -Dpetrel.amqp.it.port=N} (and optionally {@code -Dpetrel.amqp.it.host=H}) no door is started and the
 * tests talk to the broker at that address instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AmqpITSupport {
    private static final Integer EXTERNAL_PORT = Integer.getInteger("petrel.amqp.it.port");
    private static final String EXTERNAL_HOST = System.getProperty("petrel.amqp.it.host", "127.0.0.1");

    private AmqpServer server;

    /** Adjusts the door's configuration for this class (users, heartbeat, watermark...). */
    protected AmqpConfig configure(AmqpConfig config) {
        return config;
    }

    @BeforeAll
    void startBroker() {
        if (EXTERNAL_PORT == null) {
            server = AmqpServer.start(configure(new AmqpConfig().port(0)));
        }
    }

    @AfterAll
    void stopBroker() {
        if (server != null) {
            server.close();
        }
    }

    /** True when the tests run against another broker (so in-process-only checks are skipped). */
    protected static boolean external() {
        return EXTERNAL_PORT != null;
    }

    /** The in-process door, or null when {@link #external()}. */
    protected AmqpServer server() {
        return server;
    }

    protected String host() {
        return server != null ? server.host() : EXTERNAL_HOST;
    }

    protected int port() {
        return server != null ? server.port() : EXTERNAL_PORT;
    }

    /** A factory for guest/guest on the broker under test, without automatic recovery (a test sees what broke). */
    protected ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(host());
        f.setPort(port());
        f.setUsername("guest");
        f.setPassword("guest");
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        return f;
    }

    protected Connection connect() throws IOException, TimeoutException {
        return factory().newConnection();
    }

    /** A channel operation that the broker must refuse by closing the channel. */
    protected interface ChannelOp {
        void run(Channel ch) throws Exception;
    }

    /**
     * Runs {@code op} on a fresh channel of {@code c} and checks that the broker closed that channel, and only it, with
     * {@code code} and {@code text}.
     */
    protected static void assertChannelClose(Connection c, ChannelOp op, int code, String text) throws IOException {
        Channel ch = c.createChannel();
        assertThatThrownBy(() -> op.run(ch)).isInstanceOf(IOException.class).satisfies(e -> {
            AMQP.Channel.Close close = (AMQP.Channel.Close) ((ShutdownSignalException) e.getCause()).getReason();
            assertThat(close.getReplyCode()).isEqualTo(code);
            assertThat(close.getReplyText()).isEqualTo(text);
        });
        assertThat(ch.isOpen()).isFalse();
        assertThat(c.isOpen()).isTrue();
    }

    /** A name of its own for each declared queue or exchange, so tests never see each other's leftovers. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
