/**
 * Integration tests of the reactor over real loopback sockets: echo under load and backpressure, ten thousand
 * connections, accept back-off when file descriptors run out, faults, orderly close, pause and resume. Every socket is
 * on 127.0.0.1 with an ephemeral port; the tests that need many descriptors run the server in a child JVM ({@link
 * dev.petrel.reactor.it.ChildEchoServer}).
 */
package dev.petrel.reactor.it;
