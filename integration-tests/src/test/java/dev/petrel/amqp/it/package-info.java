/**
 * Integration tests of the AMQP door with the RabbitMQ Java client, one class per feature. Each class starts an
 * in-process door on an ephemeral port; with {@code -Dpetrel.amqp.it.port=N} the same tests run against another broker
 * on 127.0.0.1 (RabbitMQ itself, to check a test's expectations).
 */
package dev.petrel.amqp.it;
