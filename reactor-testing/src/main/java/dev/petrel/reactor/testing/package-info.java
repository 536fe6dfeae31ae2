/**
 * Test helpers for protocol code, with no sockets and no real time, after Twisted's {@code StringTransport} and
 * {@code task.Clock}: {@link dev.petrel.reactor.testing.FakeTransport} records what a protocol writes and feeds it
 * bytes, {@link dev.petrel.reactor.testing.ManualClock} moves time only when told, and {@link
 * dev.petrel.reactor.testing.Splits} feeds an input in every chunking a socket could produce.
 *
 * <p>Threading: everything here belongs to the test thread that made it, as a loop's objects belong to the loop.
 * Only {@link dev.petrel.reactor.testing.ManualClock#execute} may be called from another thread.
 */
package dev.petrel.reactor.testing;
