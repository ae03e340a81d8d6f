package dev.fluxbase.bench.knowledge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Inserts chunks into another knowledge base, one per transaction, while an index is being built: with
 * CREATE INDEX CONCURRENTLY they keep going; a plain CREATE INDEX would hold them for the whole build.
 */
final class ConcurrentWriter implements AutoCloseable {

    record Summary(int inserts, double p50Millis, double maxMillis, double seconds) {
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Long> micros = new ArrayList<>();
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile SQLException failure;

    ConcurrentWriter(String url, Properties login, Corpus.Base base, Corpus corpus) {
        Corpus.Document document = base.documents.get(0);
        Random random = new Random(11);
        thread = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(url, login);
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO ai.chunks (document_id, knowledge_base_id, chunk_index, "
                            + "content, embedding) VALUES (?, ?, ?, 'written during an index build', cast(? AS vector))")) {
                for (int i = 0; running.get(); i++) {
                    StringBuilder vector = new StringBuilder();
                    Corpus.appendVector(vector, corpus.chunk(base, document, random));
                    insert.setObject(1, document.id());
                    insert.setObject(2, base.id);
                    insert.setInt(3, 1_000_000 + i);
                    insert.setString(4, vector.toString());
                    long t = System.nanoTime();
                    insert.executeUpdate();
                    synchronized (micros) {
                        micros.add((System.nanoTime() - t) / 1000);
                    }
                    Thread.sleep(20); // a steady trickle, not a load test
                }
            } catch (SQLException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "concurrent-writer");
        thread.start();
    }

    Summary stop() throws SQLException, InterruptedException {
        running.set(false);
        thread.join();
        if (failure != null) {
            throw failure;
        }
        synchronized (micros) {
            List<Long> sorted = micros.stream().sorted().toList();
            return new Summary(sorted.size(), sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0, (System.nanoTime() - started) / 1e9);
        }
    }

    @Override
    public void close() throws Exception {
        if (running.get()) {
            stop();
        }
    }
}
