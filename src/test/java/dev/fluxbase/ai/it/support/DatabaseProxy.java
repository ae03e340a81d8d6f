package dev.fluxbase.ai.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the server under test and PostgreSQL, so that tests can take the database
 * away (every open connection is cut and new ones are refused) and bring it back, as a network
 * partition or a database restart would; and record what the server asks the database ({@link StatementLog}).
 */
public final class DatabaseProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean available = true;
    private volatile StatementLog recording;

    private DatabaseProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static DatabaseProxy to(String host, int port) throws IOException {
        return new DatabaseProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Cuts every connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        available = false;
        open.forEach(DatabaseProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        available = true;
    }

    /** Records what the server asks the database from now until {@link #stopRecording()}. */
    public StatementLog record() {
        StatementLog log = new StatementLog();
        recording = log;
        return log;
    }

    public void stopRecording() {
        recording = null;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (!available) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(target, 5000);
                open.add(client);
                open.add(server);
                StatementLog.ClientStream statements = new StatementLog.ClientStream(() -> recording);
                pump(client, server, statements);
                pump(server, client, null);
            } catch (IOException e) {
                // the listener was closed, or the database refused: the client sees its connection fail
            }
        }
    }

    /** @param statements reads what passes, when it is the client's side */
    private void pump(Socket from, Socket to, StatementLog.ClientStream statements) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (statements != null) {
                        statements.accept(buffer, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "db-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
