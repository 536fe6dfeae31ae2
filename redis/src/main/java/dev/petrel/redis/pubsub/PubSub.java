package dev.petrel.redis.pubsub;

import dev.petrel.redis.Client;
import dev.petrel.redis.RedisInstance;
import dev.petrel.redis.keyspace.Glob;
import dev.petrel.redis.resp.Args;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The door's publish/subscribe hub: who listens to which channel, pattern and shard channel, and delivery.
 *
 * <p>A message is encoded once per frame shape (one for the channel's subscribers, one per matching pattern) into
 * {@link Frame}'s scratch buffer and written from there to each subscriber's connection: publishing to many
 * subscribers allocates nothing of its own per subscriber. After each delivery the subscriber's pending output is
 * checked against the pubsub class of {@code client-output-buffer-limit}; a client over the limit is closed at once
 * (after the delivery loop), dropping what it had not read, so a subscriber that stops reading cannot make the heap
 * grow past the hard limit.
 *
 * <p>In standalone mode shard channels are channels of their own namespace: SPUBLISH reaches SSUBSCRIBE only.
 */
public final class PubSub {
    public static final int CHANNEL = 0;
    public static final int PATTERN = 1;
    public static final int SHARD = 2;

    private final Map<Channel, Listeners> channels = new HashMap<>();
    private final Map<Channel, Listeners> shards = new HashMap<>();
    private final Map<Channel, Listeners> patternIndex = new HashMap<>();
    /** The same patterns as {@link #patternIndex}, in subscription order, for an allocation-free walk. */
    private final List<Listeners> patterns = new ArrayList<>();

    private final Channel probe = Channel.probe();
    private byte[] nameScratch = new byte[64];
    private final Frame frame = new Frame();
    private final List<Subscriptions> overLimit = new ArrayList<>();
    private RedisInstance server;
    private String limitsLine;
    private long[] pubsubLimits;

    void bind(RedisInstance s) {
        server = s;
    }

    /** The subscriptions of {@code c}, made on first use. */
    public Subscriptions of(Client c) {
        if (c.subscriptions == null) {
            c.subscriptions = new Subscriptions(c, this);
        }
        return c.subscriptions;
    }

    /** Subscribes; false if {@code s} already had this subscription. */
    public boolean subscribe(Subscriptions s, int kind, byte[] name) {
        Channel ch = Channel.of(name);
        if (!own(s, kind).add(ch)) {
            return false;
        }
        Listeners l = index(kind).get(ch);
        if (l == null) {
            l = new Listeners(ch);
            index(kind).put(ch, l);
            if (kind == PATTERN) {
                patterns.add(l);
            }
        }
        l.add(s);
        return true;
    }

    /** Unsubscribes; false if {@code s} had no such subscription. */
    public boolean unsubscribe(Subscriptions s, int kind, byte[] name) {
        Channel ch = Channel.of(name);
        if (!own(s, kind).remove(ch)) {
            return false;
        }
        drop(s, kind, ch);
        return true;
    }

    /** The names {@code s} holds of {@code kind} (a copy). */
    public List<byte[]> names(Subscriptions s, int kind) {
        List<byte[]> out = new ArrayList<>();
        for (Channel c : own(s, kind)) {
            out.add(c.bytes);
        }
        return out;
    }

    void removeAll(Subscriptions s) {
        for (int kind = CHANNEL; kind <= SHARD; kind++) {
            for (Iterator<Channel> it = own(s, kind).iterator(); it.hasNext(); ) {
                Channel ch = it.next();
                it.remove();
                drop(s, kind, ch);
            }
        }
    }

    private void drop(Subscriptions s, int kind, Channel ch) {
        Listeners l = index(kind).get(ch);
        l.remove(s);
        if (l.count == 0) {
            index(kind).remove(ch);
            if (kind == PATTERN) {
                patterns.remove(l);
            }
        }
    }

    private java.util.Set<Channel> own(Subscriptions s, int kind) {
        return kind == CHANNEL ? s.channels : kind == PATTERN ? s.patterns : s.shards;
    }

    private Map<Channel, Listeners> index(int kind) {
        return kind == CHANNEL ? channels : kind == PATTERN ? patternIndex : shards;
    }

    /** True when nobody subscribes to anything (keyspace events then cost nothing). */
    public boolean idle() {
        return channels.isEmpty() && patterns.isEmpty();
    }

    /** PUBLISH / SPUBLISH of argument {@code msg} on the channel named by argument {@code chan}; the receivers. */
    public int publish(boolean shard, Args a, int chan, int msg) {
        int n = a.length(chan);
        if (nameScratch.length < n) {
            nameScratch = new byte[Math.max(n, nameScratch.length * 2)];
        }
        a.copyTo(chan, nameScratch, 0);
        frame.message(a, msg);
        return publish(shard, nameScratch, 0, n);
    }

    /** Publishes {@code msg} on {@code chan[off..off+len)} (keyspace events); the receivers. */
    int publish(byte[] chan, int off, int len, byte[] msg) {
        frame.message(msg);
        return publish(false, chan, off, len);
    }

    private int publish(boolean shard, byte[] chan, int off, int len) {
        int receivers = 0;
        Listeners l = (shard ? shards : channels).get(probe.set(chan, off, len));
        if (l != null) {
            frame.build(shard ? Frame.SMESSAGE : Frame.MESSAGE, null, chan, off, len);
            for (int i = 0; i < l.count; i++) {
                receivers += deliver(l.subs[i]);
            }
        }
        if (!shard) {
            for (int p = 0; p < patterns.size(); p++) {
                Listeners pl = patterns.get(p);
                Channel pat = pl.name;
                if (Glob.match(pat.bytes, 0, pat.len, chan, off, len, false)) {
                    frame.build(Frame.PMESSAGE, pat, chan, off, len);
                    for (int i = 0; i < pl.count; i++) {
                        receivers += deliver(pl.subs[i]);
                    }
                }
            }
        }
        frame.release();
        closeOverLimit();
        return receivers;
    }

    private int deliver(Subscriptions s) {
        if (s.dropped) {
            return 1; // closing: Redis still counts it, and writes nothing more
        }
        Client c = s.client;
        c.push(frame.view(c.protocol() == 3));
        checkLimit(s);
        return 1;
    }

    /** Redis's rule: over the hard limit, or over the soft limit for longer than its seconds, closes the client. */
    private void checkLimit(Subscriptions s) {
        long[] l = limits();
        long pending = s.client.outputBytes();
        boolean close = l[0] > 0 && pending >= l[0];
        if (!close && l[1] > 0 && pending >= l[1]) {
            long now = server.clock().currentTimeMillis() / 1000;
            if (s.softSince < 0) {
                s.softSince = now;
            } else {
                close = now - s.softSince > l[2];
            }
        } else if (!close) {
            s.softSince = -1;
        }
        if (close) {
            s.dropped = true;
            overLimit.add(s);
        }
    }

    private long[] limits() {
        String line = server.config().clientOutputBufferLimit;
        if (line != limitsLine) {
            pubsubLimits = OutputLimits.parse(line).of(OutputLimits.PUBSUB);
            limitsLine = line;
        }
        return pubsubLimits;
    }

    private void closeOverLimit() {
        for (int i = 0; i < overLimit.size(); i++) {
            Subscriptions s = overLimit.get(i);
            removeAll(s);
            s.client.kill();
        }
        overLimit.clear();
    }

    /** PUBSUB CHANNELS / SHARDCHANNELS: the names with subscribers matching {@code pattern} (null: all). */
    public List<byte[]> active(boolean shard, byte[] pattern) {
        List<byte[]> out = new ArrayList<>();
        for (Channel c : (shard ? shards : channels).keySet()) {
            if (pattern == null || Glob.match(pattern, c.bytes)) {
                out.add(c.bytes);
            }
        }
        return out;
    }

    /** PUBSUB NUMSUB / SHARDNUMSUB: the subscribers of one name. */
    public int subscribers(boolean shard, byte[] name) {
        Listeners l = (shard ? shards : channels).get(Channel.of(name));
        return l == null ? 0 : l.count;
    }

    /** PUBSUB NUMPAT: distinct patterns with a subscriber. */
    public int patternCount() {
        return patterns.size();
    }

    public int channelCount() {
        return channels.size();
    }

    public int shardChannelCount() {
        return shards.size();
    }
}
