package dev.petrel.reactor.testing;

import dev.petrel.reactor.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Every way a socket could cut an input: whole, each two-piece split, one byte at a time, and seeded random
 * chunkings. A resumable parser that passes them all does not care where reads end.
 */
public final class Splits {
    /** Random chunkings {@link #forEachSplit(byte[], Supplier, BiConsumer)} adds to the systematic ones. */
    public static final int DEFAULT_RANDOM_CHUNKINGS = 20;

    /** Seed of those, fixed so that a failure repeats. */
    public static final long DEFAULT_SEED = 0x5EED;

    private Splits() {}

    /**
     * The chunkings of {@code input}: whole, then the cuts at 1 .. n-1, then one byte at a time, then {@code
     * randomChunkings} random ones from {@code seed}; {@code n + 1 + randomChunkings} lists for n ≥ 1 bytes (tiny
     * inputs repeat some), and one empty list for no bytes.
     */
    public static List<List<byte[]>> of(byte[] input, int randomChunkings, long seed) {
        int n = input.length;
        List<List<byte[]>> splits = new ArrayList<>();
        if (n == 0) {
            splits.add(List.of());
            return splits;
        }
        splits.add(List.of(input.clone()));
        for (int cut = 1; cut < n; cut++) {
            splits.add(List.of(Arrays.copyOfRange(input, 0, cut), Arrays.copyOfRange(input, cut, n)));
        }
        List<byte[]> bytes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bytes.add(new byte[] {input[i]});
        }
        splits.add(bytes);
        Random random = new Random(seed);
        for (int r = 0; r < randomChunkings; r++) {
            // A per-chunking size limit mixes runs of tiny chunks with runs of large ones.
            int limit = 1 + random.nextInt(n);
            List<byte[]> chunks = new ArrayList<>();
            for (int pos = 0; pos < n; ) {
                int size = 1 + random.nextInt(Math.min(limit, n - pos));
                chunks.add(Arrays.copyOfRange(input, pos, pos + size));
                pos += size;
            }
            splits.add(chunks);
        }
        return splits;
    }

    /**
     * For each chunking of {@code input}, makes a fresh protocol and {@link FakeTransport}, connects them, delivers
     * the chunks, then runs {@code check}; a failure names the chunking, e.g. {@code split [3, 5, 1]}.
     */
    public static <P extends Protocol> void forEachSplit(
            byte[] input, Supplier<P> freshProtocol, BiConsumer<P, FakeTransport> check) {
        forEachSplit(input, DEFAULT_RANDOM_CHUNKINGS, DEFAULT_SEED, freshProtocol, check);
    }

    /** As {@link #forEachSplit(byte[], Supplier, BiConsumer)}, with the random chunkings chosen. */
    public static <P extends Protocol> void forEachSplit(
            byte[] input,
            int randomChunkings,
            long seed,
            Supplier<P> freshProtocol,
            BiConsumer<P, FakeTransport> check) {
        for (List<byte[]> chunks : of(input, randomChunkings, seed)) {
            try {
                P protocol = freshProtocol.get();
                FakeTransport transport = new FakeTransport().connect(protocol);
                transport.deliver(chunks.toArray(new byte[0][]));
                check.accept(protocol, transport);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("split " + describe(chunks) + ": " + e.getMessage(), e);
            }
        }
    }

    /** The chunk sizes, e.g. {@code [3, 5, 1]}, shortened for long lists. */
    public static String describe(List<byte[]> chunks) {
        StringBuilder s = new StringBuilder("[");
        int shown = Math.min(chunks.size(), 16);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append(chunks.get(i).length);
        }
        if (shown < chunks.size()) {
            s.append(", ... (").append(chunks.size()).append(" chunks)");
        }
        return s.append(']').toString();
    }
}
