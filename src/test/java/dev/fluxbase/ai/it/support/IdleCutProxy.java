package dev.fluxbase.ai.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy that cuts a connection once no byte passed in either direction for its idle timeout, as
 * load balancers do (AWS ALB, nginx's {@code proxy_read_timeout}, ...); a WebSocket ping or pong counts as
 * traffic there too.
 */
public final class IdleCutProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long idleNanos;
    private final Map<Socket[], AtomicLong> connections = new ConcurrentHashMap<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "idle-proxy-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private IdleCutProxy(int targetPort, Duration idleTimeout) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.idleNanos = idleTimeout.toNanos();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "idle-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        watchdog.scheduleWithFixedDelay(this::cutIdle, 50, 50, TimeUnit.MILLISECONDS);
    }

    public static IdleCutProxy to(int port, Duration idleTimeout) {
        try {
            return new IdleCutProxy(port, idleTimeout);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same address through this proxy. */
    public URI via(URI uri) {
        return URI.create(uri.toString().replaceFirst("://127\\.0\\.0\\.1:\\d+", "://127.0.0.1:" + listener.getLocalPort()));
    }

    /** How many connections it cut for idling. */
    public int cuts() {
        return cuts.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5000);
                Socket[] pair = {client, server};
                AtomicLong lastTraffic = new AtomicLong(System.nanoTime());
                connections.put(pair, lastTraffic);
                pump(client, server, pair, lastTraffic);
                pump(server, client, pair, lastTraffic);
            } catch (IOException e) {
                // the listener was closed, or the server refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to, Socket[] pair, AtomicLong lastTraffic) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    lastTraffic.set(System.nanoTime());
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away, or the watchdog cut the pair
            } finally {
                close(pair);
            }
        }, "idle-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void cutIdle() {
        long now = System.nanoTime();
        connections.forEach((pair, lastTraffic) -> {
            if (now - lastTraffic.get() > idleNanos && connections.remove(pair) != null) {
                cuts.incrementAndGet();
                close(pair);
            }
        });
    }

    private void close(Socket[] pair) {
        connections.remove(pair);
        for (Socket socket : pair) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        watchdog.shutdownNow();
        listener.close();
        connections.keySet().forEach(this::close);
    }
}
