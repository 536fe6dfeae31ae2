package dev.petrel.server;

import dev.petrel.reactor.Reactor;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Doors open on one reactor: {@link #start} opens them all (or none) and prints a {@code NAME listening on ADDR:PORT}
 * line for each, which scripts wait for; {@link #close} stops them and the reactor.
 */
final class Server implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Server.class.getName());

    private final Reactor reactor;
    private final List<Door> doors = new ArrayList<>();
    private final List<InetSocketAddress> addresses = new ArrayList<>();
    private boolean closed;

    private Server(Reactor reactor) {
        this.reactor = reactor;
    }

    /** Starts a reactor of {@code loops} loops and opens {@code doors} on it; if one fails, closes what it opened. */
    static Server start(List<Door> doors, int loops, PrintWriter out) {
        Server server = new Server(Reactor.create(loops).start());
        try {
            for (Door door : doors) {
                InetSocketAddress address = door.start(server.reactor);
                server.doors.add(door);
                server.addresses.add(address);
                out.println(door.name() + " listening on " + hostAndPort(address));
            }
            out.flush();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Runs {@code doors} until the process is told to stop (SIGINT, SIGTERM); returns an exit status. */
    static int runUntilSignalled(List<Door> doors, int loops, PrintWriter out, PrintWriter err) {
        Server server;
        try {
            server = start(doors, loops, out);
        } catch (RuntimeException e) {
            err.println("petrel: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            err.flush();
            return 1;
        }
        // Printed, not logged: java.util.logging shuts its handlers down in a hook of its own, maybe first.
        Thread hook = new Thread(
                () -> {
                    err.println("petrel: shutting down");
                    err.flush();
                    server.close();
                },
                "petrel-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.awaitTermination();
        return 0;
    }

    /** The bound addresses, in the order of the doors. */
    List<InetSocketAddress> addresses() {
        return List.copyOf(addresses);
    }

    /** Blocks until the reactor has stopped. */
    void awaitTermination() {
        reactor.run();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Door door : doors) {
            try {
                door.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "door " + door.name() + " did not stop cleanly", e);
            }
        }
        reactor.close();
    }

    static String hostAndPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
