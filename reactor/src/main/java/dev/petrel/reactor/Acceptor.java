package dev.petrel.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A listening socket on its home loop. Accepted sockets go to the next loop of the group round-robin (or all to the
 * pinned one). When accept fails — typically for lack of file descriptors, when the pending connection stays in the
 * kernel's queue and the socket stays readable — the acceptor stops asking for OP_ACCEPT and retries after a backoff
 * (10 ms doubling to 1 s), logging once per episode, so the loop never spins.
 */
final class Acceptor implements Selectable, Listener {
    private static final System.Logger LOG = System.getLogger(Acceptor.class.getName());
    private static final int MAX_ACCEPTS_PER_EVENT = 64;
    private static final Duration MIN_BACKOFF = Duration.ofMillis(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final Reactor reactor;
    private final EventLoop home;
    private final ListenOptions options;
    private final ProtocolFactory factory;
    private final ServerSocketChannel channel;
    private final InetSocketAddress address;
    private SelectionKey key;
    private Duration backoff;
    private long failuresThisEpisode;
    private volatile boolean closed;

    private Acceptor(
            Reactor reactor,
            EventLoop home,
            ListenOptions options,
            ProtocolFactory factory,
            ServerSocketChannel channel,
            InetSocketAddress address) {
        this.reactor = reactor;
        this.home = home;
        this.options = options;
        this.factory = factory;
        this.channel = channel;
        this.address = address;
    }

    static Acceptor open(Reactor reactor, EventLoop home, ListenOptions options, ProtocolFactory factory) {
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open();
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(options.address(), options.backlog());
            ch.configureBlocking(false);
            Acceptor a = new Acceptor(reactor, home, options, factory, ch, (InetSocketAddress) ch.getLocalAddress());
            home.execute(a::register);
            return a;
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                EventLoop.closeQuietly(ch);
            }
            String why = options.address().isUnresolved() ? "unknown host" : String.valueOf(e.getMessage());
            IOException cause = e instanceof IOException io ? io : new IOException(why, e);
            throw new UncheckedIOException("cannot listen on " + options.address() + ": " + why, cause);
        }
    }

    private void register() {
        if (closed) {
            return;
        }
        try {
            key = channel.register(home.selector(), SelectionKey.OP_ACCEPT, this);
            home.listenerOpened(this);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot register listener on " + address, e);
            closeNow();
        }
    }

    @Override
    public void onReady(int readyOps) {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT && !closed; i++) {
            SocketChannel ch;
            try {
                ch = channel.accept();
            } catch (IOException e) {
                acceptFailed(e);
                return;
            }
            if (ch == null) {
                return;
            }
            if (failuresThisEpisode > 0) {
                LOG.log(Level.INFO, "accepting again on " + address + " after " + failuresThisEpisode + " failures");
                failuresThisEpisode = 0;
                backoff = null;
            }
            EventLoop target = options.pinnedLoop() >= 0 ? home : reactor.nextLoop();
            if (target == home) {
                target.adopt(ch, factory, options.tcpNoDelay());
            } else {
                target.execute(() -> target.adopt(ch, factory, options.tcpNoDelay()));
            }
        }
    }

    private void acceptFailed(IOException e) {
        if (failuresThisEpisode++ == 0) {
            LOG.log(Level.WARNING, "accept failed on " + address + " (" + e.getMessage() + "); backing off");
        }
        backoff = backoff == null ? MIN_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
        key.interestOps(0);
        home.callLater(backoff, () -> {
            if (!closed && key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        if (home.inEventLoop()) {
            closeNow();
        } else {
            closed = true;
            home.execute(this::closeNow);
        }
    }

    private void closeNow() {
        closed = true;
        if (key != null) {
            key.cancel();
        }
        EventLoop.closeQuietly(channel);
        home.listenerClosed(this);
    }

    @Override
    public String toString() {
        return "Listener[" + address + "]";
    }
}
