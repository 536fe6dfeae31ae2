/**
 * The AMQP 0-9-1 door: {@link dev.petrel.amqp.AmqpServer} starts it (embedded or from the launcher), each connection is
 * an {@link dev.petrel.amqp.AmqpConnection} with its channels, and one {@link dev.petrel.amqp.broker.Broker} holds what
 * they share. The whole door runs on one event loop, which owns the broker: nothing here locks.
 */
package dev.petrel.amqp;
