/**
 * The AMQP 0-9-1 wire: frames, one record per spec method, field tables and content-header properties. Knows messages,
 * not meaning; touches no socket. Any thread may use it; a decoder or encoder instance belongs to one connection.
 */
package dev.petrel.amqp.protocol;
