package dev.petrel.amqp;

import dev.petrel.amqp.auth.AuthFailure;
import dev.petrel.amqp.auth.Permission;
import dev.petrel.amqp.auth.Sasl;
import dev.petrel.amqp.auth.User;
import dev.petrel.amqp.broker.Broker;
import dev.petrel.amqp.broker.MessageQueue;
import dev.petrel.amqp.broker.VirtualHost;
import dev.petrel.amqp.protocol.Amqp;
import dev.petrel.amqp.protocol.AmqpException;
import dev.petrel.amqp.protocol.ChannelOpen;
import dev.petrel.amqp.protocol.ConnectionClose;
import dev.petrel.amqp.protocol.ConnectionCloseOk;
import dev.petrel.amqp.protocol.ConnectionOpen;
import dev.petrel.amqp.protocol.ConnectionOpenOk;
import dev.petrel.amqp.protocol.ConnectionStart;
import dev.petrel.amqp.protocol.ConnectionStartOk;
import dev.petrel.amqp.protocol.ConnectionTune;
import dev.petrel.amqp.protocol.ConnectionTuneOk;
import dev.petrel.amqp.protocol.ConnectionUpdateSecret;
import dev.petrel.amqp.protocol.ConnectionUpdateSecretOk;
import dev.petrel.amqp.protocol.FrameDecoder;
import dev.petrel.amqp.protocol.FrameEncoder;
import dev.petrel.amqp.protocol.Method;
import dev.petrel.reactor.DelayedCall;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Scheduler;
import dev.petrel.reactor.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One client connection: the protocol header, the handshake (start, SASL, tune, open), heartbeats both ways, its
 * channels, and connection-level errors (a {@code connection.close} with the reply code, then the socket closes).
 * Frames are encoded into one buffer that goes to the socket once per batch of input.
 */
public final class AmqpConnection implements Protocol, FrameDecoder.Handler, Broker.Client {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /** Encoded bytes above which frames go to the socket at once rather than at the end of the batch. */
    private static final int EAGER_FLUSH = 64 * 1024;

    private enum State {
        HEADER,
        START_OK,
        TUNE_OK,
        OPEN_WAIT,
        OPEN,
        CLOSING,
        CLOSED
    }

    private final Broker broker;
    private final FrameDecoder decoder;
    final FrameEncoder out = new FrameEncoder(4096);
    private final byte[] header = new byte[8];
    private Transport transport;
    private State state = State.HEADER;
    private int headerRead;
    private int frameMax;
    private int channelMax;
    private int heartbeat;
    private AmqpChannel[] channels = new AmqpChannel[8];
    private int openChannels;
    private User user;
    private VirtualHost vhost;
    private Permission permission;
    private boolean supportsCancelNotify;
    private final ReadGate gate = new ReadGate(this);

    private boolean flushQueued;
    private boolean released;
    private boolean sentSinceTick;
    private long lastReadNanos;
    private DelayedCall handshakeTimer;
    private DelayedCall heartbeatTimer;
    private DelayedCall closeTimer;

    AmqpConnection(Broker broker) {
        this.broker = broker;
        this.frameMax = broker.config().frameMax();
        this.decoder = new FrameDecoder(this, Math.max(Amqp.FRAME_MIN_SIZE, frameMax));
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        broker.register(this);
        lastReadNanos = now();
        handshakeTimer = transport.scheduler().callLater(HANDSHAKE_TIMEOUT, () -> {
            if (state != State.OPEN && state != State.CLOSED) {
                transport.abortConnection();
            }
        });
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        lastReadNanos = now();
        broker.beginBatch();
        try {
            if (state == State.HEADER) {
                readHeader(data);
            }
            if (state != State.HEADER && state != State.CLOSED && data.hasRemaining()) {
                decoder.feed(data);
            }
        } catch (AmqpException e) {
            // The frames themselves are broken (errors in what they ask are handled frame by frame): nothing more
            // can be read, so the connection closes right after its connection.close instead of awaiting close-ok.
            connectionError(e);
            closeNow();
        } finally {
            broker.endBatch();
        }
    }

    private void readHeader(ByteBuffer data) {
        while (headerRead < 8 && data.hasRemaining()) {
            header[headerRead++] = data.get();
        }
        if (headerRead < 8) {
            return;
        }
        if (!Amqp.isSupportedHeader(ByteBuffer.wrap(header))) {
            // Not a version we speak: answer with ours and close, as the spec says.
            state = State.CLOSED;
            transport.write(Amqp.PROTOCOL_HEADER);
            transport.loseConnection();
            return;
        }
        state = State.START_OK;
        send(
                0,
                new ConnectionStart(
                        0,
                        9,
                        ServerProperties.build("petrel@" + broker.config().bind()),
                        Sasl.MECHANISMS.getBytes(StandardCharsets.UTF_8),
                        "en_US".getBytes(StandardCharsets.UTF_8)));
    }

    // ---- frames

    @Override
    public void onMethod(int channel, Method method) {
        try {
            method(channel, method);
        } catch (AmqpException e) {
            connectionError(e);
        }
    }

    private void method(int channel, Method method) {
        if (state == State.CLOSING) {
            if (channel == 0 && (method instanceof ConnectionCloseOk || method instanceof ConnectionClose)) {
                if (method instanceof ConnectionClose) {
                    send(0, new ConnectionCloseOk());
                }
                closeNow();
            }
            return; // everything else is ignored until the peer confirms the close
        }
        if (channel == 0) {
            connectionMethod(method);
            return;
        }
        if (state != State.OPEN) {
            throw new AmqpException(
                    Amqp.COMMAND_INVALID,
                    "COMMAND_INVALID - unexpected method on channel " + channel + " before connection.open",
                    method.classId(),
                    method.methodId());
        }
        if (method instanceof ChannelOpen) {
            openChannel(channel, method);
            return;
        }
        channelFor(channel, method).onMethod(method);
    }

    @Override
    public void onContentHeader(int channel, int classId, long bodySize, ByteBuffer properties) {
        if (state == State.CLOSING) {
            return;
        }
        try {
            channelFor(channel, null).onContentHeader(classId, bodySize, properties);
        } catch (AmqpException e) {
            connectionError(e);
        }
    }

    @Override
    public void onContentBody(int channel, ByteBuffer body) {
        if (state == State.CLOSING) {
            return;
        }
        try {
            channelFor(channel, null).onContentBody(body);
        } catch (AmqpException e) {
            connectionError(e);
        }
    }

    @Override
    public void onHeartbeat() {}

    private AmqpChannel channelFor(int channel, Method method) {
        AmqpChannel ch = channel < channels.length ? channels[channel] : null;
        if (ch == null) {
            throw new AmqpException(
                    Amqp.CHANNEL_ERROR,
                    "CHANNEL_ERROR - expected 'channel.open'",
                    method == null ? 0 : method.classId(),
                    method == null ? 0 : method.methodId());
        }
        return ch;
    }

    private void openChannel(int channel, Method method) {
        if (channel < channels.length && channels[channel] != null) {
            throw new AmqpException(
                    Amqp.CHANNEL_ERROR,
                    "CHANNEL_ERROR - second 'channel.open' seen",
                    method.classId(),
                    method.methodId());
        }
        if (channelMax != 0 && channel > channelMax) {
            throw new AmqpException(
                    Amqp.NOT_ALLOWED,
                    "NOT_ALLOWED - number of channels opened (" + openChannels + ") has reached the negotiated"
                            + " channel_max (" + channelMax + ")",
                    method.classId(),
                    method.methodId());
        }
        if (channel >= channels.length) {
            AmqpChannel[] bigger = new AmqpChannel[Math.max(channel + 1, channels.length * 2)];
            System.arraycopy(channels, 0, bigger, 0, channels.length);
            channels = bigger;
        }
        channels[channel] = new AmqpChannel(this, channel);
        openChannels++;
        channels[channel].opened();
    }

    /** The channel is closed (close-ok sent or received): its number may be opened again. */
    void channelClosed(int channel) {
        if (channel < channels.length && channels[channel] != null) {
            channels[channel] = null;
            openChannels--;
        }
    }

    private void connectionMethod(Method method) {
        switch (state) {
            case START_OK -> startOk(expect(method, ConnectionStartOk.class));
            case TUNE_OK -> tuneOk(expect(method, ConnectionTuneOk.class));
            case OPEN_WAIT -> open(expect(method, ConnectionOpen.class));
            case OPEN -> {
                if (method instanceof ConnectionClose) {
                    send(0, new ConnectionCloseOk());
                    closeChannels();
                    state = State.CLOSED;
                    flush();
                    transport.loseConnection();
                } else if (method instanceof ConnectionCloseOk) {
                    closeNow();
                } else if (method instanceof ConnectionUpdateSecret) {
                    send(0, new ConnectionUpdateSecretOk());
                } else {
                    throw unexpected(method);
                }
            }
            default -> throw unexpected(method);
        }
    }

    private static <T extends Method> T expect(Method m, Class<T> type) {
        if (!type.isInstance(m)) {
            throw unexpected(m);
        }
        return type.cast(m);
    }

    private static AmqpException unexpected(Method m) {
        return new AmqpException(
                Amqp.COMMAND_INVALID,
                "COMMAND_INVALID - unexpected method '" + m.name() + "' on channel 0",
                m.classId(),
                m.methodId());
    }

    private void startOk(ConnectionStartOk m) {
        Object caps = m.clientProperties() == null ? null : m.clientProperties().get("capabilities");
        gate.supportsBlocked(caps instanceof Map<?, ?> c && Boolean.TRUE.equals(c.get("connection.blocked")));
        supportsCancelNotify = caps instanceof Map<?, ?> c3 && Boolean.TRUE.equals(c3.get("consumer_cancel_notify"));
        boolean closeOnFailure =
                caps instanceof Map<?, ?> c2 && Boolean.TRUE.equals(c2.get("authentication_failure_close"));
        try {
            Sasl.Credentials cred = Sasl.decode(m.mechanism(), m.response());
            user = broker.access().authenticate(m.mechanism(), cred.user(), cred.password(), peerAddress());
        } catch (AuthFailure e) {
            if (e.replyCode() == Amqp.ACCESS_REFUSED && closeOnFailure) {
                connectionError(new AmqpException(Amqp.ACCESS_REFUSED, e.getMessage(), 10, 11));
            } else {
                // RabbitMQ's way for an unknown mechanism, a malformed response, or a client without the capability
                state = State.CLOSED;
                transport.abortConnection();
            }
            return;
        }
        state = State.TUNE_OK;
        send(
                0,
                new ConnectionTune(
                        broker.config().channelMax(),
                        broker.config().frameMax(),
                        broker.config().heartbeat()));
    }

    private InetAddress peerAddress() {
        return transport.getPeer() instanceof InetSocketAddress a ? a.getAddress() : InetAddress.getLoopbackAddress();
    }

    private void tuneOk(ConnectionTuneOk m) {
        int serverFrameMax = broker.config().frameMax();
        int fm = m.frameMax();
        if (fm != 0 && fm < Amqp.FRAME_MIN_SIZE) {
            throw new AmqpException(
                    Amqp.NOT_ALLOWED,
                    "NOT_ALLOWED - frame_max=" + fm + " < " + Amqp.FRAME_MIN_SIZE + " min size",
                    10,
                    31);
        }
        if (serverFrameMax != 0 && (fm == 0 || fm > serverFrameMax)) {
            throw new AmqpException(
                    Amqp.NOT_ALLOWED, "NOT_ALLOWED - frame_max=" + fm + " > " + serverFrameMax + " max size", 10, 31);
        }
        frameMax = fm;
        decoder.setFrameMax(fm);
        int serverChannelMax = broker.config().channelMax();
        channelMax = m.channelMax() == 0 ? serverChannelMax : Math.min(m.channelMax(), 65535);
        if (serverChannelMax != 0 && channelMax > serverChannelMax) {
            channelMax = serverChannelMax;
        }
        heartbeat = m.heartbeat();
        state = State.OPEN_WAIT;
        if (heartbeat > 0) {
            scheduleHeartbeat();
        }
    }

    private void open(ConnectionOpen m) {
        String name = m.virtualHost();
        try {
            broker.access().checkVhostAccess(user.name(), name);
        } catch (AuthFailure e) {
            throw new AmqpException(e.replyCode(), e.getMessage(), 10, 40);
        }
        VirtualHost v = broker.vhost(name);
        Permission p = broker.access().permission(user.name(), name);
        vhost = v;
        permission = p;
        state = State.OPEN;
        handshakeTimer.cancel();
        send(0, new ConnectionOpenOk());
    }

    // ---- heartbeats

    private void scheduleHeartbeat() {
        long ms = heartbeat * 500L; // two ticks per interval: send on one, check the peer on each
        heartbeatTimer = transport.scheduler().callLater(Duration.ofMillis(ms), this::heartbeatTick);
    }

    private void heartbeatTick() {
        if (state == State.CLOSED || !transport.isOpen()) {
            return;
        }
        if (!gate.paused() && now() - lastReadNanos > 2L * heartbeat * 1_000_000_000L) {
            // A silent peer: RabbitMQ closes the socket without a close handshake.
            state = State.CLOSED;
            transport.abortConnection();
            return;
        }
        if (!sentSinceTick) {
            out.writeHeartbeat();
            flush();
        }
        sentSinceTick = false;
        scheduleHeartbeat();
    }

    // ---- output

    /** Encodes a method on {@code channel}; it goes out with the batch. */
    void send(int channel, Method m) {
        out.writeMethod(channel, m);
        wrote();
    }

    /** Called after anything is encoded into {@link #out}. */
    void wrote() {
        if (out.size() >= EAGER_FLUSH) {
            flush();
        } else if (!flushQueued) {
            flushQueued = true;
            broker.flushLater(this);
        }
    }

    @Override
    public void flush() {
        flushQueued = false;
        for (int i = 1; i < channels.length; i++) {
            if (channels[i] != null) {
                channels[i].beforeFlush();
            }
        }
        if (out.isEmpty() || state == State.CLOSED && !transport.isOpen()) {
            out.clear();
            return;
        }
        transport.write(out.buffer());
        out.clear();
        sentSinceTick = true;
    }

    boolean writable() {
        return transport.isWritable();
    }

    @Override
    public void writabilityChanged(boolean writable) {
        if (writable) {
            for (AmqpChannel ch : channels) {
                if (ch != null) {
                    ch.resumeDeliveries();
                }
            }
        }
    }

    // ---- reading paused (memory alarm, flow control)

    ReadGate gate() {
        return gate;
    }

    /** A channel published: under the memory alarm, this connection stops being read. */
    void publishedMessage() {
        gate.published(broker.memory().alarm());
    }

    @Override
    public void memoryAlarm(boolean on) {
        gate.memoryAlarm(on);
    }

    /** Whether any of this connection's channels consumes from {@code queue}. */
    boolean consumes(MessageQueue queue) {
        for (AmqpChannel ch : channels) {
            if (ch != null && ch.deliveries.consumesFrom(queue)) {
                return true;
            }
        }
        return false;
    }

    /** The gate decided: stop or resume reading. */
    void readingPaused(boolean paused) {
        if (state == State.CLOSED) {
            return;
        }
        if (paused) {
            transport.pauseProducing();
        } else {
            lastReadNanos = now(); // the peer's heartbeats waited in the socket while reading was paused
            transport.resumeProducing();
        }
    }

    Scheduler scheduler() {
        return transport.scheduler();
    }

    // ---- errors and closing

    /** A connection-level error (or a channel error raised outside a channel): close the whole connection. */
    void connectionError(AmqpException e) {
        if (state == State.CLOSING || state == State.CLOSED) {
            return;
        }
        closeChannels();
        state = State.CLOSING;
        send(0, new ConnectionClose(e.replyCode(), e.replyText(), e.classId(), e.methodId()));
        flush();
        closeTimer = transport.scheduler().callLater(CLOSE_TIMEOUT, this::closeNow);
    }

    private void closeNow() {
        state = State.CLOSED;
        flush();
        transport.loseConnection();
    }

    /** Releases the channels (unacknowledged messages go back to their queues) and this connection's exclusive queues. */
    private void closeChannels() {
        if (released) {
            return;
        }
        released = true;
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] != null) {
                channels[i].released();
                channels[i] = null;
            }
        }
        openChannels = 0;
        if (vhost != null) {
            List<MessageQueue> mine = new ArrayList<>();
            for (MessageQueue q : vhost.queues()) {
                if (q.owner() == this) {
                    mine.add(q);
                }
            }
            for (MessageQueue q : mine) {
                vhost.deleteQueue(q);
            }
        }
    }

    @Override
    public void connectionLost(Throwable reason) {
        closeChannels();
        state = State.CLOSED;
        broker.unregister(this);
        gate.close();
        for (DelayedCall t : new DelayedCall[] {handshakeTimer, heartbeatTimer, closeTimer}) {
            if (t != null) {
                t.cancel();
            }
        }
    }

    @Override
    public void shutdown() {
        if (state == State.OPEN) {
            connectionError(new AmqpException(
                    Amqp.CONNECTION_FORCED,
                    "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'"));
        } else {
            transport.abortConnection();
        }
    }

    // ---- what channels need

    Broker broker() {
        return broker;
    }

    VirtualHost vhost() {
        return vhost;
    }

    Permission permission() {
        return permission;
    }

    User user() {
        return user;
    }

    /** Whether the client wants a basic.cancel when the broker cancels one of its consumers. */
    boolean supportsCancelNotify() {
        return supportsCancelNotify;
    }

    int frameMax() {
        return frameMax;
    }

    private long now() {
        return transport.scheduler().clock().nanoTime();
    }
}
