package dev.petrel.redis.data;

/**
 * A key whose value is not a plain string (hash, list, set, sorted set...): the key's bytes, the value object, its
 * expiry and LRU clock. Strings use the leaner {@link StringRecord} instead.
 */
public final class KeyEntry {
    public final byte[] key;
    public Object value;
    public long expireAt = -1;
    public int lru;

    public KeyEntry(byte[] key, Object value, int lru) {
        this.key = key;
        this.value = value;
        this.lru = lru;
    }
}
