package dev.fluxbase.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench's database as its cluster's superuser sees it, through the psql wrapper that run.sh writes
 * ({@code -Dbench.psql}), and the cluster's data directory ({@code -Dbench.pgdata}), whose postmaster.pid
 * leads to the processes whose CPU time is the database's. The bench has no JDBC driver (plain JDK).
 */
final class BenchDatabase {

    private final Path psql;
    private final Path dataDir;

    private BenchDatabase(Path psql, Path dataDir) {
        this.psql = psql;
        this.dataDir = dataDir;
    }

    /** From the system properties run.sh sets; fails when the bench was started without them. */
    static BenchDatabase fromSystemProperties() {
        String psql = System.getProperty("bench.psql", "");
        String dataDir = System.getProperty("bench.pgdata", "");
        if (psql.isEmpty() || dataDir.isEmpty()) {
            throw new IllegalStateException("the sql scenarios need -Dbench.psql and -Dbench.pgdata (start the bench with bench/load/run.sh)");
        }
        return new BenchDatabase(Path.of(psql), Path.of(dataDir));
    }

    /** One value (or rows, one per line, fields separated by |) of a query. */
    String query(String sql) throws IOException, InterruptedException {
        return psql("-At", "-c", sql);
    }

    long number(String sql) throws IOException, InterruptedException {
        return Long.parseLong(query(sql));
    }

    /** Runs a SQL file. */
    void load(Path file) throws IOException, InterruptedException {
        psql("-f", file.toString());
    }

    /** CPU time of every process of the cluster so far, in ms. */
    long cpuMillis() throws IOException {
        return CpuTime.clusterMillis(dataDir);
    }

    private String psql(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(psql.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IOException("psql " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }
}
