/** The hash family of Redis commands. Loop thread only. */
package dev.petrel.redis.command.hash;
