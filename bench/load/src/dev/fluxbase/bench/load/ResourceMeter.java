package dev.fluxbase.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;

/** CPU time of the database and of the server, and the database's transactions, over a run's measured window. */
final class ResourceMeter implements Load.Window {

    private static final String TRANSACTIONS = "SELECT xact_commit + xact_rollback FROM pg_catalog.pg_stat_database WHERE datname = current_database()";

    private final BenchDatabase database;
    private final ServerProcess server;
    private long databaseBefore;
    private long databaseAfter;
    private long serverBefore;
    private long serverAfter;
    private long transactionsBefore;
    private long transactionsAfter;

    ResourceMeter(BenchDatabase database, ServerProcess server) {
        this.database = database;
        this.server = server;
    }

    @Override
    public void opened() {
        reading(() -> {
            transactionsBefore = database.number(TRANSACTIONS); // before the CPU readings: psql's own backend is not in the window
            databaseBefore = database.cpuMillis();
            serverBefore = CpuTime.processMillis(server.pid());
        });
    }

    @Override
    public void closed() {
        reading(() -> {
            databaseAfter = database.cpuMillis();
            serverAfter = CpuTime.processMillis(server.pid());
            transactionsAfter = database.number(TRANSACTIONS) - 1; // less the transaction of the reading before
        });
    }

    private interface Reading {
        void run() throws IOException, InterruptedException;
    }

    /** The window's callbacks may not throw checked exceptions; a failed reading ends the bench. */
    private static void reading(Reading reading) {
        try {
            reading.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long databaseMillis() {
        return databaseAfter - databaseBefore;
    }

    long serverMillis() {
        return serverAfter - serverBefore;
    }

    long transactions() {
        return transactionsAfter - transactionsBefore;
    }
}
