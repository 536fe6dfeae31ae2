/**
 * The event-driven core: Twisted's shape ({@link Protocol}, {@link ProtocolFactory}, {@link Transport}, {@link
 * Reactor}) with Netty's discipline (one thread per {@link EventLoop}, one direct read buffer per loop, writes
 * flushed once per loop turn, interest in writability only while a write is pending).
 *
 * <p>Threading: everything a loop owns — its selector, its connections, their protocols and its timers — is touched
 * only by that loop's thread. {@link Scheduler#execute}, {@link EventLoop#callLater} (and cancelling what it returns), {@link
 * Reactor#connectTcp}, {@link Reactor#stop} and transport writes and closes (handed over to the loop) are safe from
 * any thread. Protocol code never locks.
 *
 * <p>Knows nothing of Redis or AMQP; depends on the JDK only.
 */
package dev.petrel.reactor;
