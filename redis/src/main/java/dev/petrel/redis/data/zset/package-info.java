/** The sorted set value (compact and skiplist forms) and Redis's score parsing and printing. Loop thread only. */
package dev.petrel.redis.data.zset;
