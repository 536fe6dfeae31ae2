package dev.petrel.redis;

import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Transport;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.resp.Args;
import dev.petrel.redis.resp.ReplyWriter;
import dev.petrel.redis.resp.RespParser;
import java.nio.ByteBuffer;

/**
 * One Redis client connection: bytes in go through the parser, each request through the dispatcher, and the replies
 * of one read go out in one write.
 */
public final class RedisConnection implements Protocol, RespParser.Sink {
    private final RedisInstance server;
    private final RespParser parser = new RespParser();
    private final ReplyWriter reply = new ReplyWriter();
    private Transport transport;
    private Client client;
    private CommandContext context;

    public RedisConnection(RedisInstance server) {
        this.server = server;
        parser.setMaxBulkLength(server.config().protoMaxBulkLen);
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        client = server.newClient(t);
        context = new CommandContext(server, client, reply);
        parser.setAuthenticated(client.authenticated);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        parser.feed(data, this);
        reply.flushTo(transport);
        if (client.closeAfterReply) {
            transport.loseConnection();
        }
    }

    @Override
    public boolean request(Args args) {
        client.lastInteractionMillis = server.clock().currentTimeMillis();
        context.args = args;
        int mark = reply.mark();
        server.dispatcher().dispatch(context);
        switch (client.replyMode) {
            case OFF -> reply.truncate(mark);
            case SKIP_NEXT -> {
                reply.truncate(mark);
                client.replyMode = Client.ReplyMode.SKIP;
            }
            case SKIP -> {
                reply.truncate(mark);
                client.replyMode = Client.ReplyMode.ON;
            }
            default -> {}
        }
        parser.setAuthenticated(client.authenticated);
        return !client.closeAfterReply;
    }

    @Override
    public void protocolError(String message) {
        reply.error("ERR Protocol error: " + message);
        client.closeAfterReply = true;
    }

    @Override
    public void connectionLost(Throwable reason) {
        if (client != null) {
            server.removeClient(client);
        }
    }
}
