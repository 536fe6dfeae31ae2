/**
 * The broker's model: virtual hosts, exchanges (one class per type), queues and their consumers. Owned by the AMQP
 * door's event loop thread; nothing here is thread-safe.
 */
package dev.petrel.amqp.broker;
