/**
 * The Redis-compatible door: {@link dev.petrel.redis.RedisServer} starts it (embedded or from the launcher), each
 * connection is a {@link dev.petrel.redis.RedisConnection} with its {@link dev.petrel.redis.Client} state, and one
 * {@link dev.petrel.redis.RedisInstance} holds what they share. The whole door runs on one event loop, which owns the
 * keyspace, as Redis does.
 */
package dev.petrel.redis;
