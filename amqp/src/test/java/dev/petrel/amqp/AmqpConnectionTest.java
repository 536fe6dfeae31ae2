package dev.petrel.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.Broker;
import dev.petrel.amqp.protocol.Amqp;
import dev.petrel.amqp.protocol.BasicConsume;
import dev.petrel.amqp.protocol.BasicConsumeOk;
import dev.petrel.amqp.protocol.BasicGet;
import dev.petrel.amqp.protocol.BasicGetOk;
import dev.petrel.amqp.protocol.BasicProperties;
import dev.petrel.amqp.protocol.BasicPublish;
import dev.petrel.amqp.protocol.ChannelCloseOk;
import dev.petrel.amqp.protocol.ChannelOpen;
import dev.petrel.amqp.protocol.ChannelOpenOk;
import dev.petrel.amqp.protocol.ConnectionClose;
import dev.petrel.amqp.protocol.ConnectionOpen;
import dev.petrel.amqp.protocol.ConnectionOpenOk;
import dev.petrel.amqp.protocol.ConnectionStart;
import dev.petrel.amqp.protocol.ConnectionStartOk;
import dev.petrel.amqp.protocol.ConnectionTune;
import dev.petrel.amqp.protocol.ConnectionTuneOk;
import dev.petrel.amqp.protocol.FrameDecoder;
import dev.petrel.amqp.protocol.FrameEncoder;
import dev.petrel.amqp.protocol.Method;
import dev.petrel.amqp.protocol.QueueDeclare;
import dev.petrel.amqp.protocol.QueueDeclareOk;
import dev.petrel.reactor.testing.FakeTransport;
import dev.petrel.reactor.testing.ManualClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connection driven through a fake transport and a manual clock: handshake, heartbeats, errors, a publish. */
class AmqpConnectionTest {
    private final ManualClock clock = new ManualClock();
    private final Broker broker = new Broker(new AmqpConfig(), clock);
    private final FakeTransport transport = new FakeTransport(clock);
    private final List<Object> frames = new ArrayList<>();
    private final FrameDecoder serverFrames = new FrameDecoder(
            new FrameDecoder.Handler() {
                @Override
                public void onMethod(int channel, Method method) {
                    frames.add(method);
                }

                @Override
                public void onContentHeader(int channel, int classId, long bodySize, ByteBuffer properties) {
                    frames.add("header " + bodySize);
                }

                @Override
                public void onContentBody(int channel, ByteBuffer body) {
                    frames.add("body " + StandardCharsets.UTF_8.decode(body));
                }

                @Override
                public void onHeartbeat() {
                    frames.add("heartbeat");
                }
            },
            0);

    private List<Object> received() {
        byte[] out = transport.written();
        transport.clear();
        frames.clear();
        ByteBuffer b = ByteBuffer.wrap(out);
        if (b.remaining() >= 8 && Amqp.isSupportedHeader(b)) {
            frames.add("protocol header");
            b.position(8);
        }
        serverFrames.feed(b);
        return frames;
    }

    private void send(int channel, Method m) {
        FrameEncoder e = new FrameEncoder(256);
        e.writeMethod(channel, m);
        byte[] b = new byte[e.size()];
        e.buffer().get(b);
        transport.deliver(b);
    }

    private void handshake(int heartbeat, String password) {
        transport.connect(new AmqpConnection(broker));
        transport.deliver(Amqp.PROTOCOL_HEADER);
        assertThat(received()).singleElement().isInstanceOf(ConnectionStart.class);
        Map<String, Object> caps = Map.of("authentication_failure_close", true);
        send(
                0,
                new ConnectionStartOk(
                        Map.of("capabilities", caps),
                        "PLAIN",
                        ("\0guest\0" + password).getBytes(StandardCharsets.UTF_8),
                        "en_US"));
    }

    private void open(int heartbeat) {
        handshake(heartbeat, "guest");
        assertThat(received()).singleElement().isEqualTo(new ConnectionTune(2047, 131072, 60));
        send(0, new ConnectionTuneOk(2047, 131072, heartbeat));
        send(0, new ConnectionOpen("/"));
        assertThat(received()).singleElement().isInstanceOf(ConnectionOpenOk.class);
    }

    @Test
    void anotherProtocolVersionGetsOurHeaderAndTheConnectionCloses() {
        transport.connect(new AmqpConnection(broker));
        transport.deliver(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 0});
        assertThat(transport.written()).containsExactly(Amqp.PROTOCOL_HEADER);
        assertThat(transport.isOpen()).isFalse();
    }

    @Test
    void aWrongPasswordIsRefusedWith403() {
        handshake(0, "wrong");
        assertThat(received())
                .singleElement()
                .isEqualTo(new ConnectionClose(
                        403,
                        "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the"
                                + " broker logfile.",
                        10,
                        11));
    }

    @Test
    void heartbeatsGoOutWhenIdleAndASilentPeerIsCutOff() {
        open(2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(received()).containsExactly("heartbeat");
        clock.advance(Duration.ofMillis(1500));
        assertThat(transport.isOpen()).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(transport.isOpen())
                .as("silent for more than two heartbeat intervals")
                .isFalse();
    }

    @Test
    void aPeerThatKeepsTalkingStaysConnected() {
        open(2);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            transport.deliver(new byte[] {8, 0, 0, 0, 0, 0, 0, (byte) 0xCE});
        }
        assertThat(transport.isOpen()).isTrue();
    }

    @Test
    void aMethodOnAChannelNeverOpenedIsAConnectionError() {
        open(0);
        send(3, new QueueDeclare("q", false, false, false, false, false, Map.of()));
        assertThat(received())
                .singleElement()
                .isEqualTo(new ConnectionClose(504, "CHANNEL_ERROR - expected 'channel.open'", 50, 10));
    }

    @Test
    void aMethodBetweenAContentHeaderAndItsBodyIsAnUnexpectedFrame() {
        open(0);
        send(1, new ChannelOpen());
        received();
        FrameEncoder e = new FrameEncoder(256);
        e.writeMethod(1, new BasicPublish("", "q", false, false));
        byte[] props = BasicProperties.EMPTY.encode();
        e.writeContentHeader(1, 60, 5, props, 0, props.length);
        e.writeMethod(1, new QueueDeclare("q", false, false, false, false, false, Map.of()));
        byte[] b = new byte[e.size()];
        e.buffer().get(b);
        transport.deliver(b);
        assertThat(received()).singleElement().satisfies(m -> assertThat(((ConnectionClose) m).replyCode())
                .isEqualTo(505));
    }

    @Test
    void aShortStringThatIsNotUtf8IsAFrameError() {
        open(0);
        send(1, new ChannelOpen());
        received();
        // queue.declare whose queue name is 0xFF 0xFE: it could not be written back as it came
        byte[] frame = {
            1, 0, 1, 0, 0, 0, 14, 0, 50, 0, 10, 0, 0, 2, (byte) 0xFF, (byte) 0xFE, 0, 0, 0, 0, 0, (byte) 0xCE
        };
        transport.deliver(frame);
        assertThat(received()).singleElement().satisfies(m -> assertThat(((ConnectionClose) m).replyText())
                .isEqualTo("FRAME_ERROR - short string is not valid UTF-8"));
        assertThat(transport.isOpen())
                .as("a broken frame ends the connection at once")
                .isFalse();
    }

    @Test
    void anUnaskedChannelCloseOkStillReleasesWhatTheChannelHeld() {
        open(0);
        send(1, new ChannelOpen());
        send(1, new QueueDeclare("q", false, false, false, false, false, Map.of()));
        publish(1, "q", "held");
        send(1, new BasicConsume("q", "c1", false, false, false, false, Map.of()));
        assertThat(received()).contains(new BasicConsumeOk("c1"), "body held");
        send(1, new ChannelCloseOk()); // nobody asked the channel to close: it ends anyway
        send(2, new ChannelOpen());
        send(2, new BasicGet("q", true));
        assertThat(received())
                .as("the consumer is gone and its unacked message is back, redelivered")
                .containsExactly(new ChannelOpenOk(), new BasicGetOk(1, true, "", "q", 0), "header 4", "body held");
    }

    private void publish(int channel, String queue, String body) {
        FrameEncoder e = new FrameEncoder(256);
        e.writeMethod(channel, new BasicPublish("", queue, false, false));
        byte[] props = BasicProperties.EMPTY.encode();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        e.writeContentHeader(channel, 60, b.length, props, 0, props.length);
        e.writeBody(channel, b, 0, b.length, 4096);
        byte[] frames = new byte[e.size()];
        e.buffer().get(frames);
        transport.deliver(frames);
    }

    @Test
    void aPublishedMessageComesBackFromBasicGet() {
        open(0);
        send(1, new ChannelOpen());
        send(1, new QueueDeclare("q", false, false, false, false, false, Map.of()));
        assertThat(received()).containsExactly(new ChannelOpenOk(), new QueueDeclareOk("q", 0, 0));
        FrameEncoder e = new FrameEncoder(256);
        e.writeMethod(1, new BasicPublish("", "q", false, false));
        byte[] props = BasicProperties.EMPTY.encode();
        e.writeContentHeader(1, 60, 5, props, 0, props.length);
        e.writeBody(1, "hello".getBytes(StandardCharsets.UTF_8), 0, 5, 4096);
        byte[] b = new byte[e.size()];
        e.buffer().get(b);
        // one byte at a time: assembly must not depend on how the bytes arrive
        for (byte x : b) {
            transport.deliver(new byte[] {x});
        }
        send(1, new BasicGet("q", true));
        assertThat(received()).containsExactly(new BasicGetOk(1, false, "", "q", 0), "header 5", "body hello");
    }
}
