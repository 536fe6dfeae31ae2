/**
 * The databases: an open-addressing key table of compact records, expiry (lazy on access, plus an active cycle that
 * walks the expiry index), SCAN cursors that survive resizes, Redis's glob matcher, the type of an entry, and the 16
 * numbered databases. Owned by the Redis door's loop thread.
 */
package dev.petrel.redis.keyspace;
