package dev.petrel.server;

import dev.petrel.amqp.AmqpConfig;
import dev.petrel.amqp.AmqpServer;
import dev.petrel.reactor.Reactor;
import java.net.InetSocketAddress;

/** The AMQP 0-9-1 door: an {@link AmqpServer} on the server's reactor (its last loop). */
final class AmqpDoor implements Door {
    private final AmqpConfig config;
    private AmqpServer server;

    AmqpDoor(AmqpConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "amqp";
    }

    @Override
    public InetSocketAddress start(Reactor reactor) {
        server = AmqpServer.open(reactor, config);
        return server.listener().address();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
