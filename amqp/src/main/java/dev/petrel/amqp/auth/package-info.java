/**
 * Users, hashed passwords, virtual-host permissions and the SASL mechanisms (PLAIN, AMQPLAIN), as RabbitMQ has them.
 * Built before the door starts; read afterwards only on the door's loop thread.
 */
package dev.petrel.amqp.auth;
