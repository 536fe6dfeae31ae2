package dev.petrel.reactor;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * An outgoing connection: a non-blocking connect with a timeout on its loop, then a {@link TcpConnection} whose end
 * is reported back to the {@link ClientFactory}.
 */
final class ClientConnection implements Connector, Selectable {
    private static final System.Logger LOG = System.getLogger(ClientConnection.class.getName());

    private enum State {
        CONNECTING,
        CONNECTED,
        FAILED,
        DONE
    }

    private final EventLoop loop;
    private final InetSocketAddress destination;
    private final ClientFactory factory;
    private final Duration timeout;
    private SocketChannel channel;
    private SelectionKey key;
    private DelayedCall timeoutCall;
    private TcpConnection connection;
    private State state = State.CONNECTING;

    private ClientConnection(EventLoop loop, InetSocketAddress destination, ClientFactory factory, Duration timeout) {
        this.loop = loop;
        this.destination = destination;
        this.factory = factory;
        this.timeout = timeout;
    }

    static ClientConnection start(EventLoop loop, InetSocketAddress to, ClientFactory factory, Duration timeout) {
        ClientConnection c = new ClientConnection(loop, to, factory, timeout);
        loop.execute(c::begin);
        return c;
    }

    private void begin() {
        try {
            factory.startedConnecting(this);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "startedConnecting threw", t);
        }
        if (state != State.CONNECTING) {
            return; // stopped from inside startedConnecting
        }
        if (destination.isUnresolved()) {
            fail(new UnknownHostException(destination.getHostString()));
            return;
        }
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(destination);
            key = channel.register(loop.selector(), done ? 0 : SelectionKey.OP_CONNECT, this);
            if (done) {
                established();
            } else {
                timeoutCall = loop.callLater(
                        timeout, () -> fail(new SocketTimeoutException("connect to " + destination + " timed out")));
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void onReady(int readyOps) {
        if (state != State.CONNECTING || (readyOps & SelectionKey.OP_CONNECT) == 0) {
            return;
        }
        try {
            if (channel.finishConnect()) {
                established();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void established() {
        if (timeoutCall != null) {
            timeoutCall.cancel();
        }
        state = State.CONNECTED;
        connection = new TcpConnection(loop, new SocketIo(channel, key));
        key.attach(connection);
        Protocol p;
        try {
            p = factory.buildProtocol(destination);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "buildProtocol threw; closing the connection to " + destination, t);
            p = null;
        }
        if (p == null) {
            state = State.DONE;
            key.cancel();
            EventLoop.closeQuietly(channel);
            return;
        }
        connection.start(p, this);
    }

    /** The attempt failed; the factory hears it once. */
    void fail(Throwable reason) {
        if (state != State.CONNECTING) {
            return;
        }
        state = State.FAILED;
        if (timeoutCall != null) {
            timeoutCall.cancel();
        }
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            EventLoop.closeQuietly(channel);
        }
        try {
            factory.clientConnectionFailed(this, reason);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "clientConnectionFailed threw", t);
        }
    }

    /** The established connection ended. */
    void connectionLost(Throwable reason) {
        state = State.DONE;
        try {
            factory.clientConnectionLost(this, reason);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "clientConnectionLost threw", t);
        }
    }

    @Override
    public SocketAddress destination() {
        return destination;
    }

    @Override
    public void stopConnecting() {
        if (!loop.inEventLoop()) {
            loop.execute(this::stopConnecting);
            return;
        }
        fail(new IOException("connection attempt stopped"));
    }

    @Override
    public void disconnect() {
        if (!loop.inEventLoop()) {
            loop.execute(this::disconnect);
            return;
        }
        if (state == State.CONNECTED) {
            connection.loseConnection();
        } else {
            stopConnecting();
        }
    }

    @Override
    public String toString() {
        return "Connector[" + destination + ", " + state + "]";
    }
}
