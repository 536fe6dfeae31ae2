package dev.petrel.redis.command.bits;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;
import java.nio.charset.StandardCharsets;

/** A harness with one client, binary-safe values, and keys of another type for WRONGTYPE. */
class BitFixture {
    static final RedisHarness.Err WRONGTYPE =
            new RedisHarness.Err("WRONGTYPE Operation against a key holding the wrong kind of value");
    static final RedisHarness.Err NOT_INTEGER = new RedisHarness.Err("ERR value is not an integer or out of range");
    static final RedisHarness.Err SYNTAX = new RedisHarness.Err("ERR syntax error");
    static final RedisHarness.Err BIT_OFFSET = new RedisHarness.Err("ERR bit offset is not an integer or out of range");

    final RedisHarness redis = new RedisHarness();
    final RedisHarness.Conn c = redis.connect();

    Database db() {
        return redis.instance.keyspace().db(0);
    }

    void otherType(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        db().lookup(k);
        db().insertFound(new KeyEntry(k, new Object(), 0));
    }

    /** Stores raw bytes (the harness speaks UTF-8 strings). */
    void setBytes(String key, int... bytes) {
        byte[] v = new byte[bytes.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) bytes[i];
        }
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        db().lookup(k);
        db().putFound(StringRecord.create(k, v, 0, v.length, -1, 0));
    }

    /** The value of {@code key} as unsigned bytes. */
    int[] bytes(String key) {
        byte[] r = (byte[]) db().lookup(key.getBytes(StandardCharsets.UTF_8));
        byte[] v = StringRecord.value(r);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] & 0xff;
        }
        return out;
    }

    String encoding(String key) {
        return StringRecord.encodingName((byte[]) db().lookup(key.getBytes(StandardCharsets.UTF_8)));
    }
}
