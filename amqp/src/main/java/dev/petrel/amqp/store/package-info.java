/**
 * Where a queue keeps its messages: one interface, an in-memory store today, segment files next. Owned by the door's
 * loop thread.
 */
package dev.petrel.amqp.store;
