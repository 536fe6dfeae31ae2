/**
 * The hash value type in its two encodings: a packed byte array of pairs while the hash is small (Redis's listpack)
 * and an open-addressing table of one byte array per pair once it grows (Redis's hashtable). Loop thread only.
 */
package dev.petrel.redis.data.hash;
