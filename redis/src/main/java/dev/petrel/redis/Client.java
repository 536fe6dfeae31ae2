package dev.petrel.redis;

import dev.petrel.reactor.Transport;
import dev.petrel.redis.pubsub.Subscriptions;
import java.nio.ByteBuffer;

/**
 * What the server knows of one connection: identity, selected database, authentication and modes. The figures CLIENT
 * LIST reports about buffers come from the connection this client belongs to.
 */
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
    /** Empty when no name is set (CLIENT GETNAME then answers null). */
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
    /** True while a blocking command waits (set by {@code blocking.Blocking}); later commands are held meanwhile. */
    public boolean blocked;
    /** True while MULTI queues commands: blocking commands then answer at once instead of blocking. */
    public boolean inMulti;

    /** Pub/sub subscriptions; null until this client first subscribes. */
    public Subscriptions subscriptions;

    /** The connection serving this client; null only for a client made outside a connection. */
    RedisConnection connection;

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

    /** 2 or 3: the protocol HELLO chose. */
    public int protocol() {
        return connection == null ? 2 : connection.reply().protocol();
    }

    /** RESET: the connection's state goes back to what a new connection has (the name and modes too). */
    public void resetConnectionState(boolean passwordRequired) {
        if (connection != null) {
            connection.reply().setProtocol(2);
        }
        db = 0;
        name = "";
        noTouch = false;
        authenticated = !passwordRequired;
        if (subscriptions != null) {
            subscriptions.unsubscribeAll();
        }
        // a SKIP in force drops RESET's own reply, as in Redis; it clears itself after this command
        replyMode = replyMode == ReplyMode.SKIP ? ReplyMode.SKIP : ReplyMode.ON;
    }

    /** Sends a pushed message (pub/sub) to this client: after the replies of its own command, if one is running. */
    public void push(ByteBuffer frame) {
        if (connection != null) {
            connection.push(frame);
        }
    }

    /** Closes the connection now, dropping unsent replies (CLIENT KILL of another client). */
    public void kill() {
        transport.abortConnection();
    }

    /** A blocking command of this client was served or ended: its reply goes out and held commands run next. */
    public void unblocked() {
        if (connection != null) {
            connection.unblocked();
        }
    }

    /** True while CLIENT PAUSE holds this client's commands. */
    public boolean held() {
        return connection != null && connection.holding();
    }

    /** Bytes received and not run yet: an unfinished request, and requests held by CLIENT PAUSE. */
    public int queryBufferBytes() {
        return connection == null ? 0 : connection.queryBufferBytes();
    }

    /** Bytes of the arguments of the command now running ({@code argv-mem}). */
    public long argumentBytes() {
        return connection == null ? 0 : connection.argumentBytes();
    }

    /** Reply bytes buffered and not yet handed to the transport. */
    public int replyBufferBytes() {
        return connection == null ? 0 : connection.reply().size();
    }

    /** The largest batch of replies written at once ({@code rbp}). */
    public int replyBufferPeak() {
        return connection == null ? 0 : connection.replyPeak();
    }

    /** Bytes the transport holds that the peer has not read yet. */
    public long outputBytes() {
        return transport.pendingOutboundBytes();
    }
}
