package dev.petrel.bench;

import java.net.InetSocketAddress;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The echo load generator. Prints one machine-readable {@code RESULT} line per run.
 *
 * <pre>
 * EchoLoad pingpong --port N [--conns 1] [--size 64] [--seconds 10] [--warmup 3] [--threads 1]
 *                   [--client selector|blocking] [--server NAME] [--host 127.0.0.1]
 * EchoLoad stream   --port N [--size 1048576] [--in-flight 4194304] [--seconds 10] [--warmup 3]
 * </pre>
 *
 * <p>{@code --client blocking} (one connection only) is a trivial blocking client, kept to check
 * that the selector loop measures the same thing a naive client would.
 */
public final class EchoLoad {
    private EchoLoad() {}

    public static void main(String[] argv) throws Exception {
        Args args;
        try {
            args = new Args(argv);
            if (args.positional() == null) {
                throw new IllegalArgumentException("scenario (pingpong or stream) is required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("EchoLoad: " + e.getMessage());
            System.exit(2);
            return;
        }
        InetSocketAddress server = new InetSocketAddress(args.string("host", "127.0.0.1"), args.required("port"));
        String name = args.string("server", "unknown");
        long warmup = seconds(args.decimal("warmup", 3));
        double measureSeconds = args.decimal("seconds", 10);
        long measure = seconds(measureSeconds);
        String line;
        switch (args.positional()) {
            case "pingpong" -> {
                int conns = args.integer("conns", 1);
                int size = args.integer("size", 64);
                String client = args.string("client", "selector");
                PingPong.Result r;
                if (client.equals("blocking")) {
                    if (conns != 1) {
                        throw new IllegalArgumentException("--client blocking drives one connection only");
                    }
                    r = PingPong.blocking(server, size, warmup, measure);
                } else {
                    int threads = Math.min(conns, args.integer("threads", 1));
                    r = PingPong.run(server, conns, size, threads, warmup, measure);
                }
                Histogram h = r.latencyNanos();
                line = String.format(
                        Locale.ROOT,
                        "RESULT server=%s scenario=pingpong client=%s conns=%d size=%d seconds=%s"
                                + " msgs_per_sec=%.0f p50_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f",
                        name,
                        client,
                        conns,
                        size,
                        measureSeconds,
                        r.perSecond(),
                        micros(h.getValueAtPercentile(50)),
                        micros(h.getValueAtPercentile(99)),
                        micros(h.getValueAtPercentile(99.9)),
                        micros(h.getMaxValue()));
            }
            case "stream" -> {
                int size = args.integer("size", 1 << 20);
                int inFlight = args.integer("in-flight", 4 << 20);
                if (inFlight < size) {
                    throw new IllegalArgumentException("--in-flight must be at least --size");
                }
                Stream.Result r = Stream.run(server, size, inFlight, warmup, measure);
                line = String.format(
                        Locale.ROOT,
                        "RESULT server=%s scenario=stream conns=1 size=%d in_flight=%d seconds=%s mib_per_sec=%.1f",
                        name,
                        size,
                        inFlight,
                        measureSeconds,
                        r.mibPerSecond());
            }
            default -> throw new IllegalArgumentException("unknown scenario: " + args.positional());
        }
        System.out.println(line);
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
