/**
 * The databases: an open-addressing key table of compact records, expiry (lazy on access, plus an active, sampled
 * cycle), SCAN cursors that survive resizes, and the 16 numbered databases. Owned by the Redis door's loop thread.
 */
package dev.petrel.redis.keyspace;
