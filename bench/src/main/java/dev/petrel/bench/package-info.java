/**
 * Benchmarks that put Petrel side by side with reference servers: the Netty echo servers
 * ({@link dev.petrel.bench.NettyEchoServer}) and the load generator ({@link dev.petrel.bench.EchoLoad})
 * that bench/echo.sh drives them with.
 *
 * <p>Each load generator thread owns one selector and the connections registered on it; nothing
 * is shared between threads until the results are merged at the end of a run.
 */
package dev.petrel.bench;
