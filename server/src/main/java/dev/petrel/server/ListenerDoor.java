package dev.petrel.server;

import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Reactor;
import java.net.InetSocketAddress;
import java.util.function.Function;

/** A door that is one listener and nothing else to release, as each of the lesson's servers is. */
final class ListenerDoor implements Door {
    private final String name;
    private final Function<Reactor, Listener> listen;
    private volatile Listener listener;

    ListenerDoor(String name, Function<Reactor, Listener> listen) {
        this.name = name;
        this.listen = listen;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress start(Reactor reactor) {
        listener = listen.apply(reactor);
        return listener.address();
    }

    @Override
    public void stop() {
        Listener l = listener;
        if (l != null) {
            l.close();
        }
    }
}
