package dev.petrel.redis.resp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.command.CommandSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Any command in the table with arguments drawn from what commands take — keys, option words, integers at their
 * edges, floats, patterns, any bytes — through the whole door on the {@link RedisHarness}: parser, dispatcher, the
 * command, the reply writer. Whatever the request, nothing may throw out of the connection, every request gets exactly
 * one well-framed RESP reply (unless CLIENT REPLY changed that or the connection closed), and a fresh client must be
 * served afterwards. jqwik shrinks a failure to the shortest sequence.
 *
 * <p>Left out: DEBUG SLEEP and CLIENT PAUSE (they stop the loop or the clients on purpose), commands that write files
 * or change what a connection is, and offsets just under the 512 MiB string limit (each would allocate it, as in
 * Redis).
 */
class RequestFuzzTest {
    /** A command or subcommand as the table describes it: the words that name it, its arity, its keys. */
    record Shape(List<String> name, int arity, int firstKey, int lastKey, int step) {}

    /** The groups fuzzed: one reply per request. Pub/sub, blocking and MULTI change that, and have tests of their own. */
    private static final Set<String> GROUPS = Set.of("string", "bitmap", "generic", "connection", "server");

    /** Commands that would write files, stop the server, or turn the connection into something else. */
    private static final Set<String> EXCLUDED = Set.of(
            "SAVE",
            "BGSAVE",
            "BGREWRITEAOF",
            "SHUTDOWN",
            "MONITOR",
            "SYNC",
            "PSYNC",
            "REPLICAOF",
            "SLAVEOF",
            "FAILOVER",
            "WAIT",
            "WAITAOF");

    /** Every command and subcommand in the table, read once. */
    private static final List<Shape> SHAPES = shapes();

    private static final String WORD_LIST =
            "EX PX EXAT PXAT NX XX GT LT KEEPTTL GET PERSIST BYTE BIT AND OR XOR NOT MATCH "
                    + "COUNT TYPE string LEN IDX MINMATCHLEN WITHMATCHLEN OVERFLOW WRAP SAT FAIL INCRBY "
                    + "SET u8 i64 u63 i5 #3 DB REPLACE ASYNC SYNC HELP LIST INFO DOCS GETKEYS ID "
                    + "SETNAME GETNAME SETINFO LIB-NAME LIB-VER KILL REPLY ON OFF SKIP NO-EVICT "
                    + "NO-TOUCH UNPAUSE ENCODING REFCOUNT IDLETIME FREQ USAGE SAMPLES RESETSTAT hz "
                    + "timeout * AUTH default FLUSH OBJECT SET-ACTIVE-EXPIRE LOG ADDR LADDR USER SKIPME "
                    + "yes no normal everything all default 3 2";
    private static final List<String> WORDS = List.of(WORD_LIST.split(" "));
    /** Integers at the edges of what commands accept, and numbers that are not quite integers. */
    private static final String NUMBER_LIST = "0,1,-1,2,7,8,100,-100,255,256,65535,1000000,9223372036854775807,"
            + "-9223372036854775808,9223372036854775808,4294967296,536870912,00,+1, 1,1.5,-0.0,"
            + "1e3,inf,-inf,nan,0x10,,3.0e400,1e-300,17179869184";

    private static final List<String> NUMBERS = List.of(NUMBER_LIST.split(",", -1));

    private static final List<String> KEYS = List.of("k", "k2", "k:1", "{t}a", "{t}b", "", "n", "bits");

    @Property(tries = 1000)
    void noRequestBreaksTheDoor(@ForAll("requests") List<List<byte[]>> requests) {
        RedisHarness redis = new RedisHarness();
        RedisHarness.Conn c = redis.connect();
        boolean replyModeChanged = false;
        for (List<byte[]> request : requests) {
            if (c.closed()) {
                c = redis.connect();
                replyModeChanged = false;
            }
            List<Object> replies = c.send(encode(request)); // decoding them checks their framing
            replyModeChanged |= is(request, 0, "CLIENT") && is(request, 1, "REPLY");
            if (!replyModeChanged && !c.closed()) {
                assertThat(replies).as("the replies to %s", describe(request)).hasSize(1);
            }
            redis.advance(Duration.ofMillis(250));
        }
        RedisHarness.Conn fresh = redis.connect();
        assertThat(fresh.call("PING")).isEqualTo("PONG");
        assertThat(fresh.call("SET", "after", "fuzz")).isEqualTo("OK");
        assertThat(fresh.call("GET", "after")).isEqualTo("fuzz");
    }

    private static List<Shape> shapes() {
        List<Shape> all = new ArrayList<>();
        for (CommandSpec spec : new RedisHarness().instance.commands().all()) {
            if (!GROUPS.contains(spec.group()) || EXCLUDED.contains(spec.name())) {
                continue;
            }
            if (spec.isContainer()) {
                for (CommandSpec sub : spec.subcommands().values()) {
                    all.add(new Shape(
                            List.of(spec.name(), sub.name()),
                            sub.arity(),
                            sub.firstKey(),
                            sub.lastKey(),
                            sub.keyStep()));
                }
            } else {
                all.add(new Shape(List.of(spec.name()), spec.arity(), spec.firstKey(), spec.lastKey(), spec.keyStep()));
            }
        }
        all.sort(java.util.Comparator.comparing(s -> String.join(" ", s.name())));
        return all;
    }

    @Provide
    Arbitrary<List<List<byte[]>>> requests() {
        return Combinators.combine(
                        Arbitraries.of(SHAPES),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 9),
                        args().list().ofSize(12),
                        Arbitraries.of(KEYS).map(RequestFuzzTest::bytes).list().ofSize(12))
                .as(RequestFuzzTest::request)
                .filter(RequestFuzzTest::allowed)
                .list()
                .ofMinSize(1)
                .ofMaxSize(25);
    }

    /**
     * A request for {@code shape}: as many arguments as its arity asks (plus {@code extra} when it takes more), keys
     * where it has keys; one in ten gets a wrong count, to reach the arity checks too.
     */
    private static List<byte[]> request(Shape shape, int extra, int oneInTen, List<byte[]> args, List<byte[]> keys) {
        List<byte[]> r = new ArrayList<>();
        shape.name().forEach(w -> r.add(bytes(w)));
        int total = Math.abs(shape.arity()) + (shape.arity() < 0 ? extra : 0);
        if (oneInTen == 0) {
            total = Math.max(1, total + (extra % 2 == 0 ? 1 : -1));
        }
        for (int i = r.size(); i < total; i++) {
            boolean isKey = shape.firstKey() > 0
                    && i >= shape.firstKey()
                    && (shape.lastKey() < 0 || i <= shape.lastKey())
                    && (i - shape.firstKey()) % Math.max(1, shape.step()) == 0;
            r.add(isKey ? keys.get(i % keys.size()) : args.get(i % args.size()));
        }
        return r;
    }

    private static Arbitrary<byte[]> args() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(KEYS).map(RequestFuzzTest::bytes)),
                Tuple.of(4, Arbitraries.of(WORDS).map(RequestFuzzTest::bytes)),
                Tuple.of(4, Arbitraries.of(NUMBERS).map(RequestFuzzTest::bytes)),
                Tuple.of(2, Arbitraries.integers().between(-70, 70).map(i -> bytes(Integer.toString(i)))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(24)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withChars("*?[]^-\\ab")
                                .ofMaxLength(8)
                                .map(RequestFuzzTest::bytes)));
    }

    private static boolean allowed(List<byte[]> request) {
        for (byte[] a : request) {
            String s = new String(a, StandardCharsets.ISO_8859_1);
            if (s.equalsIgnoreCase("SLEEP") || s.equalsIgnoreCase("PAUSE")) {
                return false;
            }
        }
        return true;
    }

    private static boolean is(List<byte[]> request, int i, String word) {
        return request.size() > i && new String(request.get(i), StandardCharsets.ISO_8859_1).equalsIgnoreCase(word);
    }

    private static String describe(List<byte[]> request) {
        StringBuilder sb = new StringBuilder();
        for (byte[] a : request) {
            sb.append(sb.length() == 0 ? "" : " ")
                    .append('"')
                    .append(new String(a, StandardCharsets.ISO_8859_1))
                    .append('"');
        }
        return sb.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(List<byte[]> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            out.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(a);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }
}
