package dev.petrel.redis.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link RespParser} over generated input, however the reads cut it: valid pipelines parse exactly and
 * keep only the unfinished request's bytes; truncated pipelines parse their whole requests and wait; random and
 * mutated bytes never make it throw, never yield a request after a protocol error, and give the same outcome as the
 * same bytes in one read. jqwik shrinks a failing input to a small one.
 */
class RespParserPropertiesTest {

    /** One encoded request: its bytes and the arguments it must parse to. */
    record Encoded(byte[] bytes, List<String> args) {}

    /** Records what the parser hands over and any breach of the {@link RespParser.Sink} contract. */
    static final class Recorder implements RespParser.Sink {
        final List<List<String>> requests = new ArrayList<>();
        final List<String> breaches = new ArrayList<>();
        String error;
        /** The request count at which {@link #request} asks the parser to stop (as QUIT does), or -1. */
        int stopAt = -1;

        @Override
        public boolean request(Args args) {
            if (error != null) {
                breaches.add("request " + args + " after protocol error " + error);
            }
            if (args.count() == 0) {
                breaches.add("a request with no arguments");
            }
            List<String> r = new ArrayList<>(args.count());
            for (int i = 0; i < args.count(); i++) {
                byte[] b = args.bytes(i);
                for (int j = 0; j < b.length; j++) {
                    if (args.byteAt(i, j) != b[j]) {
                        breaches.add("byteAt and bytes disagree in " + args);
                    }
                }
                r.add(new String(b, StandardCharsets.ISO_8859_1));
            }
            requests.add(r);
            return requests.size() != stopAt;
        }

        @Override
        public void protocolError(String message) {
            if (error != null) {
                breaches.add("second protocol error " + message + " after " + error);
            }
            error = message;
        }
    }

    /** What feeding produced, and how many bytes the parser held after each read. */
    record Outcome(List<List<String>> requests, String error, List<String> breaches, int[] pendingAfter) {}

    /** Feeds {@code input} cut after every {@code cuts[i % n]} bytes, scribbling over each read buffer afterwards. */
    static Outcome feed(RespParser parser, byte[] input, List<Integer> cuts, Recorder recorder) {
        List<Integer> pending = new ArrayList<>();
        int pos = 0;
        for (int i = 0; pos < input.length; i++) {
            int n = cuts.isEmpty() ? input.length : Math.min(cuts.get(i % cuts.size()), input.length - pos);
            ByteBuffer b = ByteBuffer.allocateDirect(n).put(input, pos, n).flip();
            parser.feed(b, recorder);
            assertThat(b.hasRemaining())
                    .as("the parser consumes what it is fed")
                    .isFalse();
            b.clear();
            while (b.hasRemaining()) {
                b.put((byte) '!'); // a parser that kept a slice of the read buffer would now see garbage
            }
            pos += n;
            pending.add(parser.pendingBytes());
        }
        return new Outcome(
                recorder.requests,
                recorder.error,
                recorder.breaches,
                pending.stream().mapToInt(Integer::intValue).toArray());
    }

    static Outcome feed(byte[] input, List<Integer> cuts) {
        return feed(new RespParser(), input, cuts, new Recorder());
    }

    @Property(tries = 300)
    void aValidPipelineParsesExactlyAndKeepsOnlyTheUnfinishedRequest(
            @ForAll("pipelines") List<Encoded> pipeline, @ForAll("cuts") List<Integer> cuts) {
        byte[] input = RespArbitraries.concat(pipeline, pipeline.size());
        Outcome o = feed(input, cuts);
        assertThat(o.breaches()).isEmpty();
        assertThat(o.error()).isNull();
        assertThat(o.requests()).isEqualTo(pipeline.stream().map(Encoded::args).toList());
        // after each read the parser holds exactly the bytes of the request that is not all in yet
        int[] ends = RespArbitraries.requestEnds(pipeline);
        int fed = 0;
        for (int i = 0; i < o.pendingAfter().length; i++) {
            fed += cuts.isEmpty() ? input.length : Math.min(cuts.get(i % cuts.size()), input.length - fed);
            assertThat(o.pendingAfter()[i])
                    .as("held after %d bytes", fed)
                    .isEqualTo(fed - RespArbitraries.lastEndAtOrBefore(ends, fed));
        }
    }

    @Property(tries = 300)
    void aTruncatedPipelineParsesItsWholeRequestsAndWaits(
            @ForAll("pipelines") List<Encoded> pipeline,
            @ForAll @IntRange(min = 0, max = 100_000) int cutAt,
            @ForAll("cuts") List<Integer> cuts) {
        byte[] whole = RespArbitraries.concat(pipeline, pipeline.size());
        int length = cutAt % (whole.length + 1);
        int[] ends = RespArbitraries.requestEnds(pipeline);
        int complete = 0;
        while (complete < ends.length && ends[complete] <= length) {
            complete++;
        }
        Outcome o = feed(Arrays.copyOf(whole, length), cuts);
        assertThat(o.breaches()).isEmpty();
        assertThat(o.error()).isNull();
        assertThat(o.requests())
                .isEqualTo(pipeline.subList(0, complete).stream()
                        .map(Encoded::args)
                        .toList());
        int last = o.pendingAfter().length == 0 ? 0 : o.pendingAfter()[o.pendingAfter().length - 1];
        assertThat(last).isEqualTo(length - RespArbitraries.lastEndAtOrBefore(ends, length));
    }

    @Property(tries = 400)
    void mutatedPipelinesNeverBreakTheParser(
            @ForAll("mutated") byte[] input, @ForAll("cuts") List<Integer> cuts, @ForAll boolean authenticated) {
        checkAnyInput(input, cuts, authenticated);
    }

    @Property(tries = 600)
    void randomBytesNeverBreakTheParser(
            @ForAll("respishBytes") byte[] input, @ForAll("cuts") List<Integer> cuts, @ForAll boolean authenticated) {
        checkAnyInput(input, cuts, authenticated);
    }

    /** Whatever the bytes: no exception, the contract holds, and the cuts do not change the outcome. */
    private static void checkAnyInput(byte[] input, List<Integer> cuts, boolean authenticated) {
        RespParser chunked = new RespParser();
        chunked.setAuthenticated(authenticated);
        chunked.setMaxBulkLength(1 << 16);
        Outcome o = feed(chunked, input, cuts, new Recorder());
        RespParser whole = new RespParser();
        whole.setAuthenticated(authenticated);
        whole.setMaxBulkLength(1 << 16);
        Outcome once = feed(whole, input, List.of(), new Recorder());
        assertThat(o.breaches()).isEmpty();
        assertThat(once.breaches()).isEmpty();
        assertThat(o.requests()).isEqualTo(once.requests());
        assertThat(o.error()).isEqualTo(once.error());
        assertThat(chunked.pendingBytes()).isEqualTo(whole.pendingBytes());
        if (o.error() != null) {
            assertThat(chunked.pendingBytes())
                    .as("nothing is kept after a protocol error")
                    .isZero();
        }
        int[] held = o.pendingAfter();
        for (int i = 0, fed = 0; i < held.length; i++) {
            fed += Math.min(cuts.get(i % cuts.size()), input.length - fed);
            assertThat(held[i]).isLessThanOrEqualTo(fed);
        }
    }

    @Property(tries = 200)
    void aStopRequestEndsTheReadAndNothingOfItIsKept(
            @ForAll("pipelines") List<Encoded> pipeline, @ForAll @IntRange(min = 1, max = 30) int stopAt) {
        // one read only: after a stop the connection reads no more, so later reads are not part of the contract
        Recorder r = new Recorder();
        r.stopAt = stopAt;
        RespParser p = new RespParser();
        Outcome o = feed(p, RespArbitraries.concat(pipeline, pipeline.size()), List.of(), r);
        assertThat(o.breaches()).isEmpty();
        assertThat(o.requests()).hasSize(Math.min(stopAt, pipeline.size()));
        assertThat(p.pendingBytes()).isZero();
    }

    @Property(tries = 50)
    void aLineThatNeverEndsIsRefusedOnceItPassesTheInlineLimit(
            @ForAll boolean multibulk,
            @ForAll @IntRange(min = 256, max = 8192) int chunk,
            @ForAll @IntRange(min = 0, max = 255) int filler) {
        // no CR or LF ever comes, so the first line can only grow (chunks are not tiny: each read rescans the line)
        byte fill = filler == '\r' || filler == '\n' ? (byte) 'x' : (byte) filler;
        byte[] input = new byte[RespParser.INLINE_MAX + 2 * chunk + 2];
        Arrays.fill(input, fill);
        input[0] = multibulk ? (byte) '*' : (byte) 'x';
        Outcome o = feed(input, List.of(chunk));
        assertThat(o.error()).isIn("too big mbulk count string", "too big inline request");
        for (int held : o.pendingAfter()) {
            assertThat(held).isLessThanOrEqualTo(RespParser.INLINE_MAX + chunk);
        }
    }

    @Property(tries = 100)
    void aBulkLongerThanTheLimitIsRefusedBeforeItsData(
            @ForAll @IntRange(min = 0, max = 1 << 20) int limit, @ForAll @IntRange(min = 1, max = 1 << 20) int over) {
        RespParser p = new RespParser();
        p.setMaxBulkLength(limit);
        byte[] header = ("*1\r\n$" + ((long) limit + over) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        Outcome o = feed(p, header, List.of(), new Recorder());
        assertThat(o.error()).isEqualTo("invalid bulk length");
        assertThat(p.pendingBytes()).isZero();
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return RespArbitraries.cuts();
    }

    @Provide
    Arbitrary<List<Encoded>> pipelines() {
        return RespArbitraries.pipelines();
    }

    @Provide
    Arbitrary<byte[]> respishBytes() {
        return RespArbitraries.respishBytes();
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return RespArbitraries.mutated();
    }
}
