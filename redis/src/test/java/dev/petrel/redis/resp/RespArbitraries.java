package dev.petrel.redis.resp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of parser input for {@link RespParserPropertiesTest}: valid pipelines (multibulk with any bytes, inline
 * words), RESP-flavoured random bytes, mutated pipelines, and the cuts a socket might make; each shrinks towards
 * short, simple input.
 */
final class RespArbitraries {
    private RespArbitraries() {}

    static Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 300).list().ofMinSize(1).ofMaxSize(8);
    }

    static Arbitrary<List<RespParserPropertiesTest.Encoded>> pipelines() {
        return Arbitraries.oneOf(multibulkRequest(), multibulkRequest(), inlineRequest())
                .list()
                .ofMinSize(1)
                .ofMaxSize(20);
    }

    /** Any bytes in any argument, as a client library sends them. */
    private static Arbitrary<RespParserPropertiesTest.Encoded> multibulkRequest() {
        Arbitrary<byte[]> arg = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
                Tuple.of(
                        1,
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1000).ofMaxSize(5000)));
        return arg.list().ofMinSize(1).ofMaxSize(6).map(args -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            List<String> strings = new ArrayList<>();
            for (byte[] a : args) {
                out.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(a);
                out.writeBytes(new byte[] {'\r', '\n'});
                strings.add(new String(a, StandardCharsets.ISO_8859_1));
            }
            return new RespParserPropertiesTest.Encoded(out.toByteArray(), strings);
        });
    }

    /** Plain words separated by blanks, as typed into nc or telnet. */
    private static Arbitrary<RespParserPropertiesTest.Encoded> inlineRequest() {
        Arbitrary<String> word = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars(':', '-', '_', '*', '$')
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> blanks = Arbitraries.of(" ", "  ", "\t");
        return Combinators.combine(word.list().ofMinSize(1).ofMaxSize(5), blanks, Arbitraries.of("\n", "\r\n"))
                .as((words, blank, eol) -> {
                    // a line starting with '*' would be read as a multibulk header
                    List<String> ws = new ArrayList<>(words);
                    if (ws.get(0).startsWith("*")) {
                        ws.set(0, "x" + ws.get(0));
                    }
                    String line = String.join(blank, ws) + eol;
                    return new RespParserPropertiesTest.Encoded(line.getBytes(StandardCharsets.ISO_8859_1), ws);
                });
    }

    /** Bytes biased towards RESP's own: markers, digits, CR, LF, quotes, blanks. */
    static Arbitrary<byte[]> respishBytes() {
        Arbitrary<Byte> special = Arbitraries.of(bytesOf("*$\r\n-0123456789 \"'\\x+:"));
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(Tuple.of(3, special), Tuple.of(1, any))
                .list()
                .ofMaxSize(600)
                .map(RespArbitraries::toArray);
    }

    /** A valid pipeline with a few bytes replaced, inserted or deleted. */
    static Arbitrary<byte[]> mutated() {
        Arbitrary<int[]> edit = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.oneOf(
                                Arbitraries.of(bytesOf("*$\r\n-0123456789 \"'")).map(b -> (int) b),
                                Arbitraries.integers().between(0, 255)))
                .as((kind, where, value) -> new int[] {kind, where, value});
        return Combinators.combine(pipelines(), edit.list().ofMinSize(1).ofMaxSize(4))
                .as((pipeline, edits) -> {
                    List<Byte> bytes = new ArrayList<>();
                    for (byte b : concat(pipeline, pipeline.size())) {
                        bytes.add(b);
                    }
                    for (int[] e : edits) {
                        int at = e[1] % (bytes.size() + 1);
                        switch (e[0]) {
                            case 0 -> {
                                if (at < bytes.size()) {
                                    bytes.set(at, (byte) e[2]);
                                }
                            }
                            case 1 -> bytes.add(at, (byte) e[2]);
                            default -> {
                                if (at < bytes.size()) {
                                    bytes.remove(at);
                                }
                            }
                        }
                    }
                    return toArray(bytes);
                });
    }

    private static List<Byte> bytesOf(String ascii) {
        List<Byte> list = new ArrayList<>();
        for (byte b : ascii.getBytes(StandardCharsets.US_ASCII)) {
            list.add(b);
        }
        return list;
    }

    private static byte[] toArray(List<Byte> list) {
        byte[] b = new byte[list.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = list.get(i);
        }
        return b;
    }

    static byte[] concat(List<RespParserPropertiesTest.Encoded> pipeline, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            out.writeBytes(pipeline.get(i).bytes());
        }
        return out.toByteArray();
    }

    /** The offset just after each request. */
    static int[] requestEnds(List<RespParserPropertiesTest.Encoded> pipeline) {
        int[] ends = new int[pipeline.size()];
        int at = 0;
        for (int i = 0; i < ends.length; i++) {
            at += pipeline.get(i).bytes().length;
            ends[i] = at;
        }
        return ends;
    }

    static int lastEndAtOrBefore(int[] ends, int offset) {
        int last = 0;
        for (int e : ends) {
            if (e <= offset) {
                last = e;
            }
        }
        return last;
    }
}
