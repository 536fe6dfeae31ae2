/**
 * RESP2/RESP3: a resumable request parser whose arguments are slices of the bytes received, and a reply writer. Knows
 * the wire, not what commands mean. Used only on the Redis door's loop thread.
 */
package dev.petrel.redis.resp;
