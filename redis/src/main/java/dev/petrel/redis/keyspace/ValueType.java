package dev.petrel.redis.keyspace;

import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;

/**
 * The Redis type of a key's entry, as TYPE, SCAN TYPE and OBJECT ENCODING report it. A string is a {@code byte[]}
 * record and answers for itself; any other type is a {@link KeyEntry} whose value implements {@link Value}, so a new
 * type slots in by implementing that interface, with no change here or in the commands that ask.
 */
public enum ValueType {
    STRING("string"),
    LIST("list"),
    SET("set"),
    ZSET("zset"),
    HASH("hash"),
    STREAM("stream");

    /** What the keyspace commands need of a non-string value (the {@code value} of a {@link KeyEntry}). */
    public interface Value {
        ValueType type();

        /** Redis's name for the current encoding: {@code listpack}, {@code intset}, {@code hashtable}... */
        String encoding();

        /** An independent deep copy (COPY). */
        Value copy();

        /**
         * Bytes the value occupies on the heap; a large collection may estimate from {@code samples} elements (0: all),
         * as MEMORY USAGE does.
         */
        long memoryUsage(int samples);
    }

    private final String name;

    ValueType(String name) {
        this.name = name;
    }

    /** The name TYPE replies with. */
    public String typeName() {
        return name;
    }

    /** The type of an entry found in a database. */
    public static ValueType of(Object entry) {
        return entry instanceof byte[] ? STRING : value(entry).type();
    }

    /** The encoding OBJECT ENCODING reports for an entry. */
    public static String encodingOf(Object entry) {
        return entry instanceof byte[] r
                ? StringRecord.encodingName(r)
                : value(entry).encoding();
    }

    /** The non-string value of an entry. */
    public static Value value(Object entry) {
        Object v = ((KeyEntry) entry).value;
        if (v instanceof Value typed) {
            return typed;
        }
        throw new IllegalStateException("a key's value does not implement ValueType.Value: " + v.getClass());
    }
}
