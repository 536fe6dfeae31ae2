/**
 * The set value and its two encodings, as Redis 7.0 has them: an intset (a sorted array of integers, for small sets
 * of integers) and a hash table of members. Loop thread only.
 */
package dev.petrel.redis.data.set;
