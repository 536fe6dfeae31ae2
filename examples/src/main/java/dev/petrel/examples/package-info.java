/**
 * The lesson's event-loop programs on the reactor: the Twisted {@link dev.petrel.examples.EchoServer} and {@link
 * dev.petrel.examples.EchoClient}, the select() echo server with per-connection queues ({@link
 * dev.petrel.examples.SelectEchoServer}) and the epoll hello-world HTTP server ({@link
 * dev.petrel.examples.HelloHttpServer}). Each has a static {@code listen} or {@code connect} entry, so a launcher, a
 * test or a benchmark can embed it.
 *
 * <p>Threading: each protocol instance is touched only by its connection's loop thread. The static entries are safe
 * from any thread.
 */
package dev.petrel.examples;
