package dev.petrel.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The reference echo server: Netty's own echo example (write on read, flush once per read
 * batch), on the NIO or the native epoll transport, bound to 127.0.0.1.
 *
 * <p>{@code NettyEchoServer --transport nio|epoll --port N [--threads T]}: one boss group and
 * one worker group of T threads each (default 1). Runs until killed.
 */
public final class NettyEchoServer {
    private NettyEchoServer() {}

    public static void main(String[] argv) throws InterruptedException {
        Args args = new Args(argv);
        String transport = args.string("transport", "nio");
        int port = args.required("port");
        int threads = args.integer("threads", 1);

        EventLoopGroup boss;
        EventLoopGroup workers;
        Class<? extends ServerChannel> channelType;
        switch (transport) {
            case "nio" -> {
                boss = new NioEventLoopGroup(threads);
                workers = new NioEventLoopGroup(threads);
                channelType = NioServerSocketChannel.class;
            }
            case "epoll" -> {
                Epoll.ensureAvailability();
                boss = new EpollEventLoopGroup(threads);
                workers = new EpollEventLoopGroup(threads);
                channelType = EpollServerSocketChannel.class;
            }
            default -> throw new IllegalArgumentException("--transport must be nio or epoll: " + transport);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
        }));
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(channelType)
                .childHandler(new Echo())
                .bind("127.0.0.1", port)
                .sync()
                .channel();
        System.out.println("netty-" + transport + " echo server on " + server.localAddress());
        server.closeFuture().sync();
    }

    /** Writes back what it reads; one flush per batch of reads, as Netty's example does. */
    @Sharable
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
