package dev.petrel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.petrel.amqp.AmqpConfig;
import dev.petrel.amqp.AmqpServer;
import dev.petrel.amqp.auth.AuthFailure;
import dev.petrel.amqp.broker.VirtualHost;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A definitions file in the shape RabbitMQ 3.10 exports, read into a door's configuration. */
class AmqpDefinitionsTest {
    /** alice's password is "s3cret"; the hash was made by RabbitMQ 3.10.8 (rabbitmqctl add_user, then an export). */
    private static final String DEFINITIONS =
            """
            {
              "rabbit_version": "3.10.8",
              "users": [
                {"name": "alice", "password_hash": "LUXFlvdOCy1fVnOMDt41wQUm/zF2fa1xTERjRDivPHcYs03Q",
                 "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": [], "limits": {}},
                {"name": "ops", "password_hash": "LUXFlvdOCy1fVnOMDt41wQUm/zF2fa1xTERjRDivPHcYs03Q",
                 "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": "administrator,monitoring"}
              ],
              "vhosts": [{"name": "shop", "limits": [], "metadata": {"description": "", "tags": ""}}],
              "permissions": [
                {"user": "alice", "vhost": "shop", "configure": "^alice-.*", "write": ".*", "read": ".*"}
              ],
              "exchanges": [
                {"name": "orders", "vhost": "shop", "type": "topic", "durable": true, "auto_delete": false,
                 "internal": false, "arguments": {}}
              ],
              "queues": [
                {"name": "alice-orders", "vhost": "shop", "durable": true, "auto_delete": false,
                 "arguments": {"x-message-ttl": 60000, "x-queue-type": "classic"}}
              ],
              "bindings": [
                {"source": "orders", "vhost": "shop", "destination": "alice-orders", "destination_type": "queue",
                 "routing_key": "order.#", "arguments": {}}
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void usersVhostsPermissionsAndTopologyAreRead() throws Exception {
        Path file = dir.resolve("definitions.json");
        Files.writeString(file, DEFINITIONS);
        AmqpConfig config = new AmqpConfig().port(0);
        AmqpDefinitions.Result r = AmqpDefinitions.load(file, config);
        assertThat(r).isEqualTo(new AmqpDefinitions.Result(2, 1, 1, 1, 1, 1));

        InetAddress loopback = InetAddress.getLoopbackAddress();
        assertThat(config.access().authenticate("alice", "s3cret", loopback).name())
                .isEqualTo("alice");
        assertThat(config.access().authenticate("ops", "s3cret", loopback).tags())
                .containsExactly("administrator", "monitoring");
        assertThatThrownBy(() -> config.access().authenticate("alice", "wrong", loopback))
                .isInstanceOf(AuthFailure.class);
        var p = config.access().permission("alice", "shop");
        assertThat(p.canConfigure("alice-orders")).isTrue();
        assertThat(p.canConfigure("bob-orders")).isFalse();
        assertThat(config.access().permission("alice", "/")).isNull();
        assertThat(config.access().vhosts())
                .as("as on RabbitMQ, no default vhost or user beside a file")
                .containsExactly("shop");
        assertThatThrownBy(() -> config.access().authenticate("guest", "guest", loopback))
                .isInstanceOf(AuthFailure.class);

        try (AmqpServer server = AmqpServer.start(config)) {
            VirtualHost shop = server.broker().vhost("shop");
            assertThat(shop.exchange("orders").type().wireName()).isEqualTo("topic");
            assertThat(shop.queue("alice-orders").arguments()).containsEntry("x-message-ttl", 60000);
            assertThat(shop.exchange("orders").bindings()).singleElement().satisfies(b -> assertThat(b.routingKey())
                    .isEqualTo("order.#"));
        }
    }

    @Test
    void aBrokenFileIsRefusedWithItsReason() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"users\": [{\"name\": \"x\", \"hashing_algorithm\": \"rot13\"}]}");
        assertThatThrownBy(() -> AmqpDefinitions.load(file, new AmqpConfig()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown password hashing algorithm: rot13");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> AmqpDefinitions.load(file, new AmqpConfig()))
                .hasMessageContaining("not a definitions file");
    }

    @Test
    void aBindingToNothingFailsTheStart() throws IOException {
        AmqpConfig config = new AmqpConfig().port(0);
        config.topology()
                .add(new dev.petrel.amqp.Topology.BindingSpec("/", "amq.topic", "nope", "queue", "#", Map.of()));
        assertThatThrownBy(() -> AmqpServer.start(config).close())
                .hasMessageContaining("no such source or destination");
    }
}
