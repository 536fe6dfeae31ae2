package dev.petrel.redis.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.data.StringRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTableTest {
    private static byte[] key(String k) {
        return k.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] record(String k) {
        byte[] v = key("v");
        return StringRecord.create(key(k), v, 0, v.length, -1, 0);
    }

    /** Hashes whose low bits are all (or nearly all) ones: their home is the last slots, so clusters wrap to 0. */
    private static int wrappingHash(Random rnd, int i) {
        return switch (rnd.nextInt(4)) {
            case 0 -> -1 - rnd.nextInt(3);
            case 1 -> (i << 12) | 0xffe; // a distinct hash with the same home as -2 in tables up to 4096 slots
            case 2 -> 0; // stored as a substitute: 0 marks empty slots
            default -> rnd.nextInt();
        };
    }

    @Test
    void backwardShiftAcrossTheWrapAround() {
        KeyTable t = new KeyTable();
        assertThat(t.capacity()).isEqualTo(16);
        byte[][] r = {record("a"), record("b"), record("c"), record("d")};
        int[] h = {15, 15 | 1 << 8, 15 | 2 << 8, 0x100}; // three with home 15, one with home 0
        int[] slots = new int[4];
        for (int i = 0; i < 4; i++) {
            slots[i] = t.insert(h[i], r[i]);
        }
        assertThat(slots).containsExactly(15, 0, 1, 2);
        t.removeAt(15);
        assertThat(t.find(h[0], key("a"))).isEqualTo(-1);
        assertThat(t.find(h[1], key("b"))).isEqualTo(15);
        assertThat(t.find(h[2], key("c"))).isEqualTo(0);
        assertThat(t.find(h[3], key("d"))).isEqualTo(1);
        t.removeAt(0);
        assertThat(t.find(h[1], key("b"))).isEqualTo(15);
        assertThat(t.find(h[3], key("d"))).isEqualTo(0);
        assertThat(t.size()).isEqualTo(2);
    }

    @Test
    void behavesAsAMapUnderRandomOperations() {
        for (int seed = 1; seed <= 20; seed++) {
            run(seed);
        }
    }

    private void run(int seed) {
        Random rnd = new Random(seed);
        KeyTable t = new KeyTable();
        Map<String, Integer> hashes = new HashMap<>();
        Map<String, byte[]> entries = new HashMap<>();
        List<String> live = new ArrayList<>();
        int next = 0;
        for (int op = 0; op < 20_000; op++) {
            // Drift the target size up and down so the table grows and shrinks many times.
            int target = (op / 2000) % 2 == 0 ? 300 : 5;
            int dice = rnd.nextInt(10);
            if (dice < 4 && live.size() < target + 50) {
                String k = "k" + next++;
                int h = wrappingHash(rnd, next);
                byte[] e = record(k);
                int slot = t.insert(h, e);
                assertThat(t.at(slot)).isSameAs(e);
                hashes.put(k, h);
                entries.put(k, e);
                live.add(k);
            } else if (dice < 8 && !live.isEmpty() && (live.size() > target || dice < 6)) {
                String k = live.remove(rnd.nextInt(live.size()));
                int slot = t.find(hashes.get(k), key(k));
                assertThat(slot)
                        .as("seed %d op %d: find before remove", seed, op)
                        .isNotNegative();
                t.removeAt(slot);
                entries.remove(k);
                hashes.remove(k);
            } else {
                String k = "k" + rnd.nextInt(next + 1);
                int slot = t.find(hashes.getOrDefault(k, wrappingHash(rnd, 0)), key(k));
                if (entries.containsKey(k)) {
                    assertThat(t.at(slot)).isSameAs(entries.get(k));
                } else {
                    assertThat(slot).isEqualTo(-1);
                }
            }
            assertThat(t.size()).isEqualTo(live.size());
            if (op % 50 == 0) {
                checkEveryKeyIsFound(t, hashes, entries);
            }
        }
        checkEveryKeyIsFound(t, hashes, entries);
    }

    private static void checkEveryKeyIsFound(KeyTable t, Map<String, Integer> hashes, Map<String, byte[]> entries) {
        for (var en : entries.entrySet()) {
            int slot = t.find(hashes.get(en.getKey()), key(en.getKey()));
            assertThat(slot).as("find %s", en.getKey()).isNotNegative();
            assertThat(t.at(slot)).isSameAs(en.getValue());
        }
        Map<Object, Boolean> snapshot = new IdentityHashMap<>();
        for (Object e : t.snapshot()) {
            snapshot.put(e, true);
        }
        assertThat(snapshot).hasSize(entries.size());
        assertThat(t.capacity()).isGreaterThanOrEqualTo(16);
        assertThat(t.size() * 4L).isLessThanOrEqualTo(t.capacity() * 3L);
    }
}
