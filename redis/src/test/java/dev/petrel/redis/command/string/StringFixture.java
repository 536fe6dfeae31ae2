package dev.petrel.redis.command.string;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;
import java.nio.charset.StandardCharsets;

/** A harness with one client, and direct access to records (encodings) and to keys of another type (WRONGTYPE). */
class StringFixture {
    static final RedisHarness.Err WRONGTYPE =
            new RedisHarness.Err("WRONGTYPE Operation against a key holding the wrong kind of value");
    static final RedisHarness.Err NOT_INTEGER = new RedisHarness.Err("ERR value is not an integer or out of range");
    static final RedisHarness.Err SYNTAX = new RedisHarness.Err("ERR syntax error");

    final RedisHarness redis = new RedisHarness();
    final RedisHarness.Conn c = redis.connect();

    Database db() {
        return redis.instance.keyspace().db(0);
    }

    /** Stores a non-string value under {@code key}. */
    void otherType(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        db().lookup(k);
        db().insertFound(new KeyEntry(k, new Object(), 0));
    }

    /** The encoding the record of {@code key} carries ("int", "embstr", "raw"). */
    String encoding(String key) {
        Object e = db().lookup(key.getBytes(StandardCharsets.UTF_8));
        return StringRecord.encodingName((byte[]) e);
    }

    /** The record of {@code key} itself (to see whether a command reused it). */
    Object record(String key) {
        return db().lookup(key.getBytes(StandardCharsets.UTF_8));
    }
}
