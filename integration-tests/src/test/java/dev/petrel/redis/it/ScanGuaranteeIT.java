package dev.petrel.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.testing.PetrelRedisExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * The SCAN guarantee under concurrent writes: an element present from the first call of a full iteration to its last
 * is returned at least once, however the table grows and shrinks in between. Between every two calls (COUNT 10)
 * another client adds or deletes a batch of other elements, so that a full iteration sees the table grow to many
 * times its size and shrink back, again and again.
 */
@Timeout(120)
class ScanGuaranteeIT {
    @RegisterExtension
    static final PetrelRedisExtension redis = new PetrelRedisExtension().flushAllBeforeEach();

    private static final ScanParams COUNT_10 = new ScanParams().count(10);

    private Jedis scanner;
    private Jedis writer;

    @BeforeEach
    void connect() {
        scanner = new Jedis(redis.host(), redis.port());
        writer = new Jedis(redis.host(), redis.port());
    }

    @AfterEach
    void disconnect() {
        scanner.close();
        writer.close();
    }

    /**
     * Adds {@code total} elements named {@code churn:N}, {@code perStep} a step, then deletes them the same way, and
     * again: one {@link #step} between two cursor calls.
     */
    static final class Churn {
        private final int total;
        private final int perStep;
        private final Consumer<String[]> add;
        private final Consumer<String[]> remove;
        private int present;
        private boolean growing = true;
        int cycles;
        int largest;

        Churn(int total, int perStep, Consumer<String[]> add, Consumer<String[]> remove) {
            this.total = total;
            this.perStep = perStep;
            this.add = add;
            this.remove = remove;
        }

        void step() {
            String[] batch = IntStream.range(present - (growing ? 0 : perStep), present + (growing ? perStep : 0))
                    .mapToObj(i -> "churn:" + i)
                    .toArray(String[]::new);
            if (growing) {
                add.accept(batch);
                present += perStep;
                largest = Math.max(largest, present);
                growing = present < total;
            } else {
                remove.accept(batch);
                present -= perStep;
                if (present == 0) {
                    growing = true;
                    cycles++;
                }
            }
        }
    }

    /** A full iteration from cursor 0 back to 0, with a churn step after each call; every element returned. */
    private static List<String> iterate(Function<String, ScanResult<String>> call, Churn churn) {
        List<String> returned = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> r = call.apply(cursor);
            returned.addAll(r.getResult());
            cursor = r.getCursor();
            churn.step();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return returned;
    }

    private static List<String> names(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    private static void assertEveryStableOneReturned(List<String> stable, List<String> returned, Churn churn) {
        Set<String> seen = new HashSet<>(returned);
        assertThat(stable).as("stable elements a full iteration returned").allMatch(seen::contains);
        assertThat(seen)
                .as("nothing but what was there")
                .allMatch(e -> e.startsWith("fixed:") || e.startsWith("churn:"));
        assertThat(churn.cycles)
                .as("full grow-and-shrink cycles during the iteration")
                .isPositive();
    }

    @Test
    void scanReturnsEveryKeyPresentThroughoutWhileTheKeyspaceGrowsAndShrinks() {
        List<String> fixed = names("fixed:", 5_000);
        for (int i = 0; i < fixed.size(); i += 1_000) {
            writer.mset(fixed.subList(i, i + 1_000).stream()
                    .flatMap(k -> Stream.of(k, "v"))
                    .toArray(String[]::new));
        }
        assertThat(writer.dbSize()).isEqualTo(5_000);
        Churn churn = new Churn(
                20_000,
                1_000,
                keys -> writer.mset(
                        Arrays.stream(keys).flatMap(k -> Stream.of(k, "x")).toArray(String[]::new)),
                keys -> assertThat(writer.del(keys)).isEqualTo(keys.length));

        List<String> returned = iterate(cursor -> scanner.scan(cursor, COUNT_10), churn);

        assertEveryStableOneReturned(fixed, returned, churn);
        assertThat(churn.largest).isEqualTo(20_000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hash", "set", "zset"})
    void collectionScansReturnEveryStableMemberUnderFieldChurn(String type) {
        List<String> stable = names("fixed:", 3_000);
        Churn churn = new Churn(10_000, 500, members -> add(type, List.of(members)), members -> remove(type, members));
        add(type, stable);
        assertThat(writer.objectEncoding("c")).isEqualTo(type.equals("zset") ? "skiplist" : "hashtable");

        List<String> returned = iterate(cursor -> scan(type, cursor), churn);

        assertEveryStableOneReturned(stable, returned, churn);
        assertThat(churn.largest).isEqualTo(10_000);
    }

    private void add(String type, List<String> members) {
        switch (type) {
            case "hash" -> {
                Map<String, String> fields = new LinkedHashMap<>();
                members.forEach(m -> fields.put(m, "value of " + m));
                assertThat(writer.hset("c", fields)).isEqualTo(members.size());
            }
            case "set" ->
                assertThat(writer.sadd("c", members.toArray(String[]::new))).isEqualTo(members.size());
            default -> {
                Map<String, Double> scores = new LinkedHashMap<>();
                members.forEach(m -> scores.put(m, (double) m.hashCode()));
                assertThat(writer.zadd("c", scores)).isEqualTo(members.size());
            }
        }
    }

    private void remove(String type, String[] members) {
        long removed =
                switch (type) {
                    case "hash" -> writer.hdel("c", members);
                    case "set" -> writer.srem("c", members);
                    default -> writer.zrem("c", members);
                };
        assertThat(removed).isEqualTo(members.length);
    }

    private ScanResult<String> scan(String type, String cursor) {
        return switch (type) {
            case "hash" -> {
                var r = scanner.hscan("c", cursor, COUNT_10);
                yield new ScanResult<>(
                        r.getCursor(),
                        r.getResult().stream().map(Map.Entry::getKey).toList());
            }
            case "set" -> scanner.sscan("c", cursor, COUNT_10);
            default -> {
                ScanResult<Tuple> r = scanner.zscan("c", cursor, COUNT_10);
                yield new ScanResult<>(
                        r.getCursor(),
                        r.getResult().stream().map(Tuple::getElement).toList());
            }
        };
    }
}
