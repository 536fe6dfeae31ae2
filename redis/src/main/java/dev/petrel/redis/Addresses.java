package dev.petrel.redis;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Socket addresses as Redis prints them: {@code 127.0.0.1:6379}. */
final class Addresses {
    private Addresses() {}

    static String format(SocketAddress a) {
        if (a instanceof InetSocketAddress in) {
            String host = in.getAddress() != null ? in.getAddress().getHostAddress() : in.getHostString();
            return host + ":" + in.getPort();
        }
        return String.valueOf(a);
    }
}
