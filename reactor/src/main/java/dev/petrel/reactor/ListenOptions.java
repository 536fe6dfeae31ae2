package dev.petrel.reactor;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * How {@link Reactor#listenTcp(ListenOptions, ProtocolFactory)} listens.
 *
 * @param address the address and port to bind (port 0: any free port; wildcard address: every interface)
 * @param backlog the accept queue length asked of the kernel
 * @param pinnedLoop the loop every accepted connection is pinned to, or -1 to spread them over the group round-robin
 * @param tcpNoDelay TCP_NODELAY on accepted connections
 */
public record ListenOptions(InetSocketAddress address, int backlog, int pinnedLoop, boolean tcpNoDelay) {

    public ListenOptions {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be positive: " + backlog);
        }
        if (pinnedLoop < -1) {
            throw new IllegalArgumentException("pinnedLoop must be -1 or a loop index: " + pinnedLoop);
        }
    }

    /** Every interface, as Twisted's default; backlog 1024; spread over the group; TCP_NODELAY on. */
    public static ListenOptions port(int port) {
        return new ListenOptions(new InetSocketAddress(port), 1024, -1, true);
    }

    /** The given address and port. */
    public static ListenOptions of(String bindAddress, int port) {
        return new ListenOptions(new InetSocketAddress(bindAddress, port), 1024, -1, true);
    }

    public ListenOptions bind(InetAddress bindAddress) {
        return new ListenOptions(
                new InetSocketAddress(bindAddress, address.getPort()), backlog, pinnedLoop, tcpNoDelay);
    }

    public ListenOptions backlog(int n) {
        return new ListenOptions(address, n, pinnedLoop, tcpNoDelay);
    }

    public ListenOptions pinTo(int loop) {
        return new ListenOptions(address, backlog, loop, tcpNoDelay);
    }

    public ListenOptions tcpNoDelay(boolean on) {
        return new ListenOptions(address, backlog, pinnedLoop, on);
    }
}
