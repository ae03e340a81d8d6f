package dev.fluxbase.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench database's catalog as the SQL scenarios see it: how many tables it holds, the 2,000 noise tables that
 * make it large ({@code sql/noise-tables.sql}, added once per run), and how the server learns of schema changes.
 */
final class BenchCatalog {

    private static final int NOISE_TABLES = 2000;

    private final BenchDatabase database;
    private final Path repo;

    BenchCatalog(BenchDatabase database, Path repo) {
        this.database = database;
        this.repo = repo;
    }

    /** What the server said at boot about event triggers: with them a cached table description needs no catalog check. */
    String schemaMode() throws IOException {
        String log = Files.readString(repo.resolve("bench/load/target/run/payara.log"));
        if (log.contains("Schema changes are announced by event triggers")) {
            return "announced by event triggers (descriptions cached until the next DDL)";
        }
        return "**not announced**: the server checks a cached description against the catalog every "
                + "`fluxbase.sql.schema-refresh-seconds` (see payara.log)";
    }

    /** Adds the noise tables unless an earlier scenario of the run did; returns what the report says of it, or "". */
    String addNoiseTables() throws IOException, InterruptedException {
        if (database.number("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'bench_noise'") >= NOISE_TABLES) {
            return "";
        }
        long before = tables();
        long start = System.nanoTime();
        load("noise-tables.sql");
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("Catalog grown from %d to %d tables (schema `bench_noise`, which the chatbot may not use; %d `pg_attribute` "
                + "rows) in %.1f s; the next turn rebuilds the description (in the server warm-up).", before, tables(),
                database.number("SELECT count(*) FROM pg_catalog.pg_attribute"), seconds);
    }

    /** Runs a SQL file of {@code bench/load/sql} as the cluster's superuser. */
    void load(String file) throws IOException, InterruptedException {
        database.load(repo.resolve("bench/load/sql").resolve(file));
    }

    /** Tables outside the system catalogs: ours, the server's and the noise. */
    long tables() throws IOException, InterruptedException {
        return database.number("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
    }
}
