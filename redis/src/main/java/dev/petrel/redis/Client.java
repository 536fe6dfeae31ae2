package dev.petrel.redis;

import dev.petrel.reactor.Transport;

/** What the server knows of one connection: identity, selected database, authentication and modes. */
public final class Client {
    /** CLIENT REPLY modes. */
    public enum ReplyMode {
        ON,
        OFF,
        /** Set by CLIENT REPLY SKIP: the next command's reply is dropped. */
        SKIP_NEXT,
        /** The command now running is the one whose reply is dropped. */
        SKIP
    }

    public final long id;
    public final Transport transport;
    public final long createdMillis;
    public String name = "";
    public String libName = "";
    public String libVersion = "";
    public int db;
    public boolean authenticated;
    public long lastInteractionMillis;
    public ReplyMode replyMode = ReplyMode.ON;
    public boolean noEvict;
    public boolean noTouch;
    /** Set when the connection must close once its pending replies are written (QUIT, protocol error, KILL). */
    public boolean closeAfterReply;
    /** The last command run, as CLIENT LIST shows it ({@code cmd=}). */
    public String lastCommand = "NULL";

    Client(long id, Transport transport, long nowMillis) {
        this.id = id;
        this.transport = transport;
        this.createdMillis = nowMillis;
        this.lastInteractionMillis = nowMillis;
    }

    /** {@code ip:port} of the peer. */
    public String address() {
        return Addresses.format(transport.getPeer());
    }

    /** {@code ip:port} of the local end. */
    public String localAddress() {
        return Addresses.format(transport.getHost());
    }
}
