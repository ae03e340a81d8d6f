package dev.fluxbase.bench.knowledge;

import dev.fluxbase.ai.knowledge.control.VectorSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Top-5 retrieval from one knowledge base of 100,000 chunks among several, through the server's own
 * schema (its Flyway migrations), index DDL and search SQL ({@code VectorSql}): load with COPY, build
 * each knowledge base's HNSW index concurrently (with a writer inserting meanwhile, to show writes are not
 * blocked), then time the searches and compare them with exact search. Prints a Markdown report.
 */
public final class KnowledgeBenchmark {

    static final int MAX_CHUNKS = 5;
    /** The search API's default threshold. */
    static final double THRESHOLD = 0.2;
    static final int WARM_UP = 100;

    public static void main(String[] args) throws Exception {
        String url = required("BENCH_DB_URL");
        Properties login = new Properties();
        login.setProperty("user", required("BENCH_DB_USER"));
        login.setProperty("password", required("BENCH_DB_PASSWORD"));
        login.setProperty("stringtype", "unspecified"); // as the server's data source
        int targetChunks = Integer.parseInt(env("BENCH_TARGET_CHUNKS", "100000"));
        int otherBases = Integer.parseInt(env("BENCH_OTHER_KBS", "4"));
        int otherChunks = Integer.parseInt(env("BENCH_OTHER_CHUNKS", "40000"));
        int queries = Integer.parseInt(env("BENCH_QUERIES", "1000"));
        String maintenanceWorkMem = env("BENCH_MAINTENANCE_WORK_MEM", "1GB");
        Report report = new Report();

        Flyway.configure().dataSource(url, login.getProperty("user"), login.getProperty("password")).schemas("ai").createSchemas(true)
                .locations("filesystem:" + Path.of(env("BENCH_MIGRATIONS", "../../src/main/resources/db/migration")).toAbsolutePath())
                .placeholders(Map.of("anon_role", "anon", "authenticated_role", "authenticated", "service_role", "service_role"))
                .load().migrate();

        Random random = new Random(42);
        Corpus corpus = new Corpus(random);
        Corpus.Base target = new Corpus.Base("target", targetChunks, 300, random);
        List<Corpus.Base> bases = new ArrayList<>(List.of(target));
        for (int i = 1; i <= otherBases; i++) {
            bases.add(new Corpus.Base("other-" + i, otherChunks, 100, random));
        }
        Set<Integer> keep = new HashSet<>();
        while (keep.size() < (queries + WARM_UP) / 2 + 1) {
            keep.add(random.nextInt(targetChunks));
        }

        try (Connection connection = DriverManager.getConnection(url, login)) {
            report.versions(connection, maintenanceWorkMem);
            Loader loader = new Loader(connection, corpus);
            progress("loading");
            long start = System.nanoTime();
            for (Corpus.Base base : bases) {
                loader.insertKnowledgeBase(base);
                loader.load(base, base == target ? keep : Set.of(), random);
            }
            report.load(System.nanoTime() - start, loader.generationNanos, bases);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE ai.chunks");
                statement.execute("ANALYZE ai.documents");
                statement.execute("SET maintenance_work_mem = '" + maintenanceWorkMem + "'");
            }
            progress("building the indexes");
            for (Corpus.Base base : bases) {
                // The target last, while a writer adds chunks to another knowledge base (whose index is built by then).
                if (base != target) {
                    report.index(base, buildIndex(connection, base), null);
                }
            }
            try (ConcurrentWriter writer = new ConcurrentWriter(url, login, bases.get(1), corpus)) {
                long nanos = buildIndex(connection, target);
                report.index(target, nanos, writer.stop());
            }
            report.sizes(connection);

            Searches searches = new Searches(connection, target.id);
            List<float[]> queryVectors = queries(corpus, target, loader.kept, queries + WARM_UP, new Random(7));
            report.plan(searches.explain(queryVectors.get(0), MAX_CHUNKS, THRESHOLD));
            List<List<UUID>> exact = new ArrayList<>();
            long exactNanos = 0;
            progress("exact searches");
            for (float[] q : queryVectors) {
                long t = System.nanoTime();
                exact.add(searches.exact(q, MAX_CHUNKS, THRESHOLD));
                exactNanos += System.nanoTime() - t;
            }
            report.exact(exactNanos / queryVectors.size());
            progress("searches as the server runs them");
            report.pass("as the server runs it (ef_search " + Math.max(VectorSql.DEFAULT_EF_SEARCH, MAX_CHUNKS) + ")",
                    measure(queryVectors, exact, q -> searches.search(q, MAX_CHUNKS, THRESHOLD)));
            for (int ef : new int[] {40, 80, 120, 240}) {
                progress("searches with ef_search " + ef);
                report.pass("ef_search " + ef + (ef == 40 ? " (pgvector's default)" : ""), measure(queryVectors, exact, q -> searches.searchWithEf(q, MAX_CHUNKS, THRESHOLD, ef)));
            }
        }
        String markdown = report.markdown(Instant.now());
        System.out.println(markdown);
        Path out = Path.of("target", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
    }

    /** Half paraphrases of stored chunks, half new texts on stored documents; never equal to a stored vector. */
    static List<float[]> queries(Corpus corpus, Corpus.Base target, Map<Integer, float[]> stored, int count, Random random) {
        List<float[]> paraphrased = stored.values().stream().toList();
        List<float[]> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                result.add(Corpus.near(paraphrased.get(i / 2), random));
            } else {
                result.add(corpus.chunk(target, target.documents.get(random.nextInt(target.documents.size())), random));
            }
        }
        return result;
    }

    interface Query {
        List<UUID> run(float[] vector) throws SQLException;
    }

    /** Latencies in microseconds of the queries after the warm-up, and their mean recall@5. */
    record Pass(long[] micros, double recall, double recallParaphrase, double recallNewText) {
    }

    static Pass measure(List<float[]> vectors, List<List<UUID>> exact, Query query) throws SQLException {
        long[] micros = new long[vectors.size() - WARM_UP];
        double[] recall = new double[2];
        for (int i = 0; i < vectors.size(); i++) {
            long t = System.nanoTime();
            List<UUID> found = query.run(vectors.get(i));
            long elapsed = (System.nanoTime() - t) / 1000;
            if (i >= WARM_UP) {
                micros[i - WARM_UP] = elapsed;
                List<UUID> truth = exact.get(i);
                recall[i % 2] += truth.isEmpty() ? 1 : (double) found.stream().filter(truth::contains).count() / truth.size();
            }
        }
        Arrays.sort(micros);
        int measured = micros.length;
        int even = (measured + 1) / 2;
        int odd = measured / 2;
        return new Pass(micros, (recall[0] + recall[1]) / measured, recall[0] / even, recall[1] / odd);
    }

    /** The server's own DDL, on an autocommit connection as VectorIndexes runs it. */
    static long buildIndex(Connection connection, Corpus.Base base) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(VectorSql.createIndex(base.id, Corpus.DIMENSIONS));
        }
        return System.nanoTime() - start;
    }

    static void progress(String phase) {
        System.err.println("[bench] " + Instant.now() + " " + phase + ", load average " + loadAverage());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (run the benchmark with bench/knowledge/run.sh)");
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
