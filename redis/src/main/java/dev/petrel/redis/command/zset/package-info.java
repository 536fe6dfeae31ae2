/** The zset family of Redis commands. Loop thread only. */
package dev.petrel.redis.command.zset;
