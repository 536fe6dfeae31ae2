package dev.petrel.amqp;

import dev.petrel.amqp.broker.Broker;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Transport;
import java.nio.ByteBuffer;

/** One client connection. */
public final class AmqpConnection implements Protocol {
    private static final byte[] HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    private final Broker broker;
    private Transport transport;

    AmqpConnection(Broker broker) {
        this.broker = broker;
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        transport.write(HEADER);
        transport.loseConnection();
    }

    Broker broker() {
        return broker;
    }
}
