package dev.petrel.redis.resp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.Splits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespParserTest {

    /** Collects requests as lists of strings, and the protocol error if one came. */
    static final class Collector implements RespParser.Sink {
        final List<List<String>> requests = new ArrayList<>();
        String error;

        @Override
        public boolean request(Args args) {
            List<String> r = new ArrayList<>();
            for (int i = 0; i < args.count(); i++) {
                r.add(args.string(i));
            }
            requests.add(r);
            return true;
        }

        @Override
        public void protocolError(String message) {
            error = message;
        }
    }

    private static Collector parse(RespParser p, List<byte[]> chunks) {
        Collector c = new Collector();
        for (byte[] chunk : chunks) {
            ByteBuffer b = ByteBuffer.allocateDirect(chunk.length).put(chunk).flip();
            p.feed(b, c);
            assertThat(b.hasRemaining())
                    .as("the parser consumes what it is fed")
                    .isFalse();
            b.clear();
            while (b.hasRemaining()) {
                b.put((byte) '!'); // a parser that kept a slice of the read buffer now sees garbage
            }
        }
        return c;
    }

    private static Collector parse(String... chunks) {
        List<byte[]> list = new ArrayList<>();
        for (String s : chunks) {
            list.add(s.getBytes(StandardCharsets.ISO_8859_1));
        }
        return parse(new RespParser(), list);
    }

    @Test
    void aPipelineParsesTheSameHoweverTheReadsAreCut() {
        String big = "x".repeat(3000);
        byte[] input = ("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + big.length() + "\r\n" + big + "\r\n"
                        + "PING\r\n"
                        + "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"
                        + "\r\n"
                        + "*0\r\n"
                        + "  GET   \"a b\"  'c'\n"
                        + "*1\r\n$4\r\nQUIT\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        List<List<String>> want = List.of(
                List.of("SET", "k", big),
                List.of("PING"),
                List.of("ECHO", ""),
                List.of("GET", "a b", "c"),
                List.of("QUIT"));
        for (List<byte[]> chunks : Splits.of(input, 50, 7)) {
            RespParser p = new RespParser();
            Collector c = parse(p, chunks);
            assertThat(c.error).as(Splits.describe(chunks)).isNull();
            assertThat(c.requests).as(Splits.describe(chunks)).isEqualTo(want);
            assertThat(p.pendingBytes()).isZero();
        }
    }

    @Test
    void protocolErrorsUseRedisWords() {
        assertThat(parse("*x\r\n").error).isEqualTo("invalid multibulk length");
        assertThat(parse("*3000000000\r\n").error).isEqualTo("invalid multibulk length");
        assertThat(parse("*1\r\n+PING\r\n").error).isEqualTo("expected '$', got '+'");
        assertThat(parse("*1\r\n$-5\r\n").error).isEqualTo("invalid bulk length");
        assertThat(parse("*1\r\n$01\r\nx\r\n").error).isEqualTo("invalid bulk length");
        assertThat(parse("SET \"unbalanced\r\n").error).isEqualTo("unbalanced quotes in request");
        assertThat(parse("SET \"a\"b\r\n").error).isEqualTo("unbalanced quotes in request");
        assertThat(parse("x".repeat(RespParser.INLINE_MAX + 1)).error).isEqualTo("too big inline request");
        assertThat(parse("*" + "1".repeat(RespParser.INLINE_MAX + 1)).error).isEqualTo("too big mbulk count string");
        assertThat(parse("*1\r\n$" + "1".repeat(RespParser.INLINE_MAX + 1)).error)
                .isEqualTo("too big bulk count string");
    }

    @Test
    void requestsBeforeAnErrorRunAndNothingAfterIt() {
        Collector c = parse("PING\r\n*1\r\n$4\r\nPING\r\n*z\r\nPING\r\n", "PING\r\n");
        assertThat(c.requests).containsExactly(List.of("PING"), List.of("PING"));
        assertThat(c.error).isEqualTo("invalid multibulk length");
    }

    @Test
    void bulkLengthIsBounded() {
        RespParser p = new RespParser();
        p.setMaxBulkLength(10);
        Collector c = parse(p, List.of("*1\r\n$11\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(c.error).isEqualTo("invalid bulk length");
    }

    @Test
    void unauthenticatedClientsGetTighterLimits() {
        RespParser p = new RespParser();
        p.setAuthenticated(false);
        assertThat(parse(p, List.of("*11\r\n".getBytes(StandardCharsets.US_ASCII))).error)
                .isEqualTo("unauthenticated multibulk length");
        RespParser q = new RespParser();
        q.setAuthenticated(false);
        assertThat(parse(q, List.of("*1\r\n$16385\r\n".getBytes(StandardCharsets.US_ASCII))).error)
                .isEqualTo("unauthenticated bulk length");
    }

    @Test
    void inlineQuotingFollowsRedis() {
        Collector c = parse("SET \"a\\x41\\n\\\"\" 'it\\'s' \"\" x\r\n");
        assertThat(c.requests).containsExactly(List.of("SET", "aA\n\"", "it's", "", "x"));
    }

    @Test
    void aLargeValueArrivingInPiecesIsNotRescanned() {
        RespParser p = new RespParser();
        Collector c = new Collector();
        byte[] value = new byte[1 << 20];
        p.feed(
                ByteBuffer.wrap(("*2\r\n$4\r\nECHO\r\n$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII)),
                c);
        for (int off = 0; off < value.length; off += 1000) {
            p.feed(ByteBuffer.wrap(value, off, Math.min(1000, value.length - off)), c);
        }
        assertThat(c.requests).isEmpty();
        p.feed(ByteBuffer.wrap("\r\n".getBytes(StandardCharsets.US_ASCII)), c);
        assertThat(c.requests).hasSize(1);
        assertThat(c.requests.get(0).get(1)).hasSize(value.length);
        assertThat(p.pendingBytes()).isZero();
    }
}
