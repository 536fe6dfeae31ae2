/**
 * Petrel's Redis door in users' own tests: {@link dev.petrel.redis.testing.PetrelRedisExtension} starts one in-process
 * server per test class on a free port of 127.0.0.1. Needs JUnit 5 on the test class path (the redis module declares
 * it optional). The extension is called on JUnit's threads; it touches the server's state only through its loop.
 */
package dev.petrel.redis.testing;
