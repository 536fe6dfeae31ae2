package dev.petrel.redis;

import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Transport;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.Flag;
import dev.petrel.redis.resp.Args;
import dev.petrel.redis.resp.ReplyWriter;
import dev.petrel.redis.resp.RespParser;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * One Redis client connection: bytes in go through the parser, each request through the dispatcher, and the replies
 * of one read go out in one write.
 *
 * <p>CLIENT PAUSE: when the pause covers a request, that request and every later one of the same read are kept,
 * re-encoded, in {@link #held}, and reading stops; when the pause ends they are parsed again, by a second parser, so
 * that an unfinished request left in the first parser still comes after them.
 */
public final class RedisConnection implements Protocol, RespParser.Sink {
    private final RedisInstance server;
    private final RespParser parser = new RespParser();
    private final ReplyWriter reply = new ReplyWriter();
    private final ClientPause pause;
    private Transport transport;
    private Client client;
    private CommandContext context;
    private boolean running;
    private int replyPeak;
    /** Requests held by CLIENT PAUSE, as RESP; null when none are. */
    private byte[] held;

    private int heldLength;
    private RespParser replay;

    public RedisConnection(RedisInstance server) {
        this.server = server;
        this.pause = ClientPause.of(server);
        parser.setMaxBulkLength(server.config().protoMaxBulkLen);
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        client = server.newClient(t);
        client.connection = this;
        context = new CommandContext(server, client, reply);
        parser.setAuthenticated(client.authenticated);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        parser.setMaxBulkLength(server.config().protoMaxBulkLen); // CONFIG SET applies to the next request
        parser.feed(data, this);
        flush();
    }

    private void flush() {
        replyPeak = Math.max(replyPeak, reply.size());
        reply.flushTo(transport);
        if (client.closeAfterReply) {
            transport.loseConnection();
        }
    }

    @Override
    public boolean request(Args args) {
        if (held != null || client.blocked || (pause.mode() != ClientPause.Mode.NONE && pauseCovers(args))) {
            hold(args);
            return true;
        }
        client.lastInteractionMillis = server.clock().currentTimeMillis();
        context.args = args;
        int mark = reply.mark();
        running = true;
        server.dispatcher().dispatch(context);
        running = false;
        switch (client.replyMode) {
            case OFF -> reply.truncate(mark);
            case SKIP_NEXT -> {
                reply.truncate(mark);
                client.replyMode = Client.ReplyMode.SKIP;
            }
            case SKIP -> {
                reply.truncate(mark);
                client.replyMode = Client.ReplyMode.ON;
            }
            default -> {}
        }
        parser.setAuthenticated(client.authenticated);
        return !client.closeAfterReply;
    }

    /**
     * Whether the pause holds this request. A request the dispatcher would refuse anyway (unknown command, wrong
     * arity, not authenticated) is not held, so its error comes at once, as in Redis.
     */
    private boolean pauseCovers(Args args) {
        CommandSpec spec = server.commands().lookup(args, 0);
        if (spec != null && spec.isContainer() && (args.count() > 1 || spec.handler() == null)) {
            spec = args.count() > 1 ? spec.subcommands().get(args.string(1).toUpperCase(Locale.ROOT)) : null;
        }
        if (spec == null || !spec.arityAllows(args.count())) {
            return false;
        }
        if (!client.authenticated && !spec.has(Flag.NO_AUTH) && server.authRequired()) {
            return false;
        }
        return pause.holds(spec);
    }

    /** Keeps {@code args} for after the pause, and stops reading. */
    private void hold(Args args) {
        if (held == null) {
            held = new byte[256];
            heldLength = 0;
            transport.pauseProducing();
            if (!client.blocked) {
                pause.hold(this); // a blocked client's commands are released when it is served
            }
        }
        appendAscii("*" + args.count() + "\r\n");
        for (int i = 0; i < args.count(); i++) {
            appendAscii("$" + args.length(i) + "\r\n");
            ensureHeld(args.length(i) + 2);
            args.copyTo(i, held, heldLength);
            heldLength += args.length(i);
            appendAscii("\r\n");
        }
    }

    private void appendAscii(String s) {
        ensureHeld(s.length());
        for (int i = 0; i < s.length(); i++) {
            held[heldLength++] = (byte) s.charAt(i);
        }
    }

    private void ensureHeld(int more) {
        if (heldLength + more > held.length) {
            held = Arrays.copyOf(held, Math.max(heldLength + more, held.length * 2));
        }
    }

    /** The pause is over: runs the held requests in order (unless a new pause holds them again), then reads on. */
    void release() {
        if (held == null || !transport.isOpen()) {
            return;
        }
        ByteBuffer requests = ByteBuffer.wrap(held, 0, heldLength);
        held = null;
        heldLength = 0;
        if (replay == null) {
            replay = new RespParser();
            replay.setMaxBulkLength(Long.MAX_VALUE);
        }
        replay.feed(requests, this);
        flush();
        if (held == null && !client.closeAfterReply) {
            transport.resumeProducing();
        }
    }

    /** A pub/sub message: written now, or after the replies of this connection's own command while it runs. */
    void push(ByteBuffer frame) {
        if (!running && reply.size() == 0) {
            transport.write(frame);
            return;
        }
        reply.raw(frame);
        if (!running) {
            reply.flushTo(transport);
        }
    }

    /** A blocking command was served or ended: its reply goes out now, the commands held behind it run next. */
    void unblocked() {
        flush();
        if (held != null) {
            server.scheduler().execute(this::release);
        }
    }

    boolean holding() {
        return held != null;
    }

    ReplyWriter reply() {
        return reply;
    }

    int replyPeak() {
        return Math.max(replyPeak, reply.size());
    }

    int queryBufferBytes() {
        return parser.pendingBytes() + heldLength;
    }

    long argumentBytes() {
        if (!running) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < context.args.count(); i++) {
            n += context.args.length(i);
        }
        return n;
    }

    @Override
    public void protocolError(String message) {
        reply.error("ERR Protocol error: " + message);
        client.closeAfterReply = true;
    }

    @Override
    public void connectionLost(Throwable reason) {
        pause.forget(this);
        if (client != null) {
            server.blocking().disconnected(client);
        }
        if (client != null && client.subscriptions != null) {
            client.subscriptions.unsubscribeAll();
        }
        if (client != null) {
            server.removeClient(client);
        }
    }
}
