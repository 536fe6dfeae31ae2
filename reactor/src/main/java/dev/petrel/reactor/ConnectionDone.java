package dev.petrel.reactor;

import java.io.IOException;

/** The reason given to {@link Protocol#connectionLost} when a connection closed in an orderly way. */
public final class ConnectionDone extends IOException {
    private static final long serialVersionUID = 1L;

    /** The one instance: it carries no stack, since nothing went wrong. */
    public static final ConnectionDone INSTANCE = new ConnectionDone();

    private ConnectionDone() {
        super("Connection was closed cleanly.");
    }

    /** No stack: the one instance is shared, and an orderly close has no call site worth recording. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** True if {@code reason} says the connection closed cleanly. */
    public static boolean isClean(Throwable reason) {
        return reason instanceof ConnectionDone;
    }
}
