/**
 * Value types and their compact encodings. A string key is one {@code byte[]} record holding its header, key and
 * value; other types are a {@link dev.petrel.redis.data.KeyEntry} holding the key and a value object. Loop thread only.
 */
package dev.petrel.redis.data;
