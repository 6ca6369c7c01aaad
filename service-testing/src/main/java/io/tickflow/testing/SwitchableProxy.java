package io.tickflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port that a test can take down and bring back, to make an AWS endpoint unreachable
 * for a while without stopping the emulator behind it, which other tests share.
 */
public final class SwitchableProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    /** Forwards a free loopback port to {@code target}, up. */
    public SwitchableProxy(URI target) {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** Where clients connect instead of the target. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Refuses new connections and cuts the open ones, as an endpoint that went away. */
    public void down() {
        closeQuietly(server);
        open.forEach(SwitchableProxy::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public void up() {
        server = listen(port);
        accept(server);
    }

    @Override
    public void close() {
        down();
    }

    private void accept(ServerSocket listening) {
        Thread.ofVirtual().start(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException closed) {
                    // The listening socket was closed by down(): the proxy is down until up().
                    return;
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // One side closed: the connection is over, which is what down() is for.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException alreadyClosed) {
            // Closing is all that was wanted.
        }
    }
}
