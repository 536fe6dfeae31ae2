package dev.petrel.redis;

import dev.petrel.reactor.Clock;
import dev.petrel.reactor.Scheduler;
import dev.petrel.reactor.Transport;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Commands;
import dev.petrel.redis.command.Dispatcher;
import dev.petrel.redis.keyspace.Keyspace;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every connection of the Redis door shares: configuration, the keyspace, the command table, the clients and
 * the statistics. Lives on the door's loop thread.
 */
public final class RedisInstance {
    private final RedisConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Keyspace keyspace;
    private final Dispatcher dispatcher;
    private final Map<Long, Client> clients = new LinkedHashMap<>();
    private final long startMillis;
    private long nextClientId = 1;
    private long commandsProcessed;
    private long connectionsReceived;
    private int port;

    public RedisInstance(RedisConfig config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
        this.keyspace = new Keyspace(config.databases, clock);
        CommandTable table = new CommandTable();
        Commands.registerAll(table);
        this.dispatcher = new Dispatcher(table);
        this.startMillis = clock.currentTimeMillis();
    }

    public RedisConfig config() {
        return config;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public CommandTable commands() {
        return dispatcher.table();
    }

    public Clock clock() {
        return clock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public boolean authRequired() {
        return !config.requirepass.isEmpty();
    }

    public long startMillis() {
        return startMillis;
    }

    public int port() {
        return port;
    }

    void setPort(int p) {
        port = p;
    }

    Client newClient(Transport t) {
        Client c = new Client(nextClientId++, t, clock.currentTimeMillis());
        c.authenticated = !authRequired();
        clients.put(c.id, c);
        connectionsReceived++;
        return c;
    }

    void removeClient(Client c) {
        clients.remove(c.id);
    }

    public Collection<Client> clients() {
        return Collections.unmodifiableCollection(clients.values());
    }

    public Client client(long id) {
        return clients.get(id);
    }

    public void countCommand() {
        commandsProcessed++;
    }

    public long commandsProcessed() {
        return commandsProcessed;
    }

    public long connectionsReceived() {
        return connectionsReceived;
    }
}
