/** Publish/subscribe: channels, patterns, keyspace notifications. Loop thread only. */
package dev.petrel.redis.pubsub;
