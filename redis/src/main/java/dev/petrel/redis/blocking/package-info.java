/**
 * Blocking commands (BLPOP, BLMOVE, BZPOPMIN, BZMPOP...): a client that finds nothing to pop waits on keys until
 * another command makes one of them ready, its timeout passes, or CLIENT UNBLOCK frees it. The machinery knows nothing
 * of value types; a family supplies a {@link dev.petrel.redis.blocking.Blocking.Handler}.
 *
 * <p>How a family uses it:
 *
 * <pre>{@code
 * // in the command, when there is nothing to serve now:
 * long timeout = Blocking.timeoutMillis(c, c.argc() - 1); // replies Redis's error and returns -1 when invalid
 * if (timeout < 0) return;
 * byte[][] keys = ...;                                     // copies: the arguments do not outlive the command
 * c.server.blocking().block(c, keys, timeout, (bc, key) -> {
 *     // runs later, once per key that may be ready, with the blocked client's context (bc.args is not valid);
 *     // pop from key, reply on bc.reply and return true; return false to stay blocked
 * });
 *
 * // in every command that adds elements to a key (push, add, move, store...):
 * c.server.blocking().signalKeyReady(c.client.db, keyBytes);
 * }</pre>
 *
 * <p>Rules, as Redis's {@code handleClientsBlockedOnKeys}: keys signalled during a command are served right after
 * that command (the dispatcher calls {@link dev.petrel.redis.blocking.Blocking#serveReadyKeys()}), so pushes inside a
 * pipeline each serve the clients waiting at that moment; the clients blocked on one key are tried first come, first
 * served; keys a handler makes ready in turn (BLMOVE's destination) are served in the same pass. A timeout or CLIENT
 * UNBLOCK ... TIMEOUT replies through {@link dev.petrel.redis.blocking.Blocking.Handler#timeout} (a null array by
 * default, as Redis for lists and sorted sets); CLIENT UNBLOCK ... ERROR replies {@code -UNBLOCKED ...}. Inside
 * MULTI ({@code Client.inMulti}) nothing blocks: {@code block} answers the timeout reply at once. While a client is
 * blocked its later pipelined commands are held by its connection, and run once it is served. Loop thread only.
 */
package dev.petrel.redis.blocking;
