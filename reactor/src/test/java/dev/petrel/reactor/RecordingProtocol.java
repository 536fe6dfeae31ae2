package dev.petrel.reactor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A protocol that records its callbacks; a test may set what dataReceived does. */
class RecordingProtocol implements Protocol {
    Transport transport;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<Boolean> writability = new ArrayList<>();
    final List<Throwable> lost = new ArrayList<>();
    boolean halfClose;
    RuntimeException throwOnData;

    @Override
    public void connectionMade(Transport t) {
        transport = t;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (throwOnData != null) {
            throw throwOnData;
        }
        byte[] b = new byte[data.remaining()];
        data.get(b);
        received.write(b, 0, b.length);
    }

    @Override
    public boolean readConnectionLost() {
        return halfClose;
    }

    @Override
    public void writabilityChanged(boolean writable) {
        writability.add(writable);
    }

    @Override
    public void connectionLost(Throwable reason) {
        lost.add(reason);
    }
}
