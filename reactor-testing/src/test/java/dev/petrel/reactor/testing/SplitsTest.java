package dev.petrel.reactor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.petrel.reactor.Protocol;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {
    private static final byte[] INPUT = "hello, world".getBytes(StandardCharsets.US_ASCII);

    /** Keeps a copy of everything, as a correct protocol would. */
    static final class Collect implements Protocol {
        final ByteArrayOutputStream got = new ByteArrayOutputStream();
        int calls;

        @Override
        public void dataReceived(ByteBuffer data) {
            calls++;
            byte[] b = new byte[data.remaining()];
            data.get(b);
            got.writeBytes(b);
        }
    }

    @Test
    void coversWholeEveryCutBytewiseAndRandom() {
        List<List<byte[]>> splits = Splits.of(INPUT, 7, 1);
        int n = INPUT.length;
        assertThat(splits).hasSize(n + 1 + 7);
        assertThat(splits.get(0)).hasSize(1);
        Set<Integer> cuts = new HashSet<>();
        for (int i = 1; i < n; i++) {
            assertThat(splits.get(i)).hasSize(2);
            cuts.add(splits.get(i).get(0).length);
        }
        assertThat(cuts).hasSize(n - 1);
        assertThat(splits.get(n)).hasSize(n).allSatisfy(c -> assertThat(c).hasSize(1));
        for (List<byte[]> chunks : splits) {
            assertThat(concat(chunks)).isEqualTo(INPUT);
            assertThat(chunks).allSatisfy(c -> assertThat(c).isNotEmpty());
        }
    }

    @Test
    void randomChunkingsRepeatForASeed() {
        String a =
                Splits.of(INPUT, 5, 42).stream().map(Splits::describe).toList().toString();
        String b =
                Splits.of(INPUT, 5, 42).stream().map(Splits::describe).toList().toString();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void emptyInputIsOneSplitOfNoChunks() {
        assertThat(Splits.of(new byte[0], 5, 1)).containsExactly(List.of());
    }

    @Test
    void forEachSplitDeliversEveryChunkingToAFreshProtocol() {
        int[] runs = {0};
        Splits.forEachSplit(INPUT, 3, 9, Collect::new, (p, t) -> {
            runs[0]++;
            assertThat(p.got.toByteArray()).isEqualTo(INPUT);
            assertThat(t.protocol()).isSameAs(p);
        });
        assertThat(runs[0]).isEqualTo(INPUT.length + 1 + 3);
    }

    @Test
    void aFailureNamesTheSplit() {
        assertThatThrownBy(() -> Splits.forEachSplit(
                        INPUT, Collect::new, (p, t) -> assertThat(p.calls).isEqualTo(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("split [1, 11]: ");
    }

    @Test
    void describeShortensLongLists() {
        List<byte[]> bytewise = Splits.of(new byte[40], 0, 0).get(40);
        assertThat(Splits.describe(bytewise)).endsWith(", 1, ... (40 chunks)]");
    }

    private static byte[] concat(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
