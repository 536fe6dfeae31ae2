/**
 * The program: the command line ({@link dev.petrel.server.Main}, {@link dev.petrel.server.ExampleCommand}), the
 * {@link dev.petrel.server.Door}s it opens on one reactor, and shutdown on SIGINT or SIGTERM ({@link
 * dev.petrel.server.Server}).
 *
 * <p>Threading: the command line runs on the main thread, which then waits for the reactor; doors run on the
 * reactor's loops; {@link dev.petrel.server.Server#close()} may come from the shutdown hook's thread.
 */
package dev.petrel.server;
