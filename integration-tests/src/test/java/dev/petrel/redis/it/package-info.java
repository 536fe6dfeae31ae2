/**
 * Integration tests of the Redis door over real loopback sockets: Jedis and Lettuce as users run them, and random,
 * truncated and mutated RESP thrown at a live server while a well-behaved client keeps working. Each class gets its
 * own in-process server on a free port from {@link dev.petrel.redis.testing.PetrelRedisExtension}.
 */
package dev.petrel.redis.it;
