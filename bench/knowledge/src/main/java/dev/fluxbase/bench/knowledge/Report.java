package dev.fluxbase.bench.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Collects the figures of a run and renders them as a Markdown section for RESULTS.md. */
final class Report {

    private final StringBuilder setup = new StringBuilder();
    private final StringBuilder load = new StringBuilder();
    private final StringBuilder passes = new StringBuilder();
    private List<String> plan = List.of();

    void versions(Connection connection, String maintenanceWorkMem) throws SQLException {
        line(setup, "PostgreSQL " + KnowledgeBenchmark.scalar(connection, "SHOW server_version") + ", pgvector "
                + KnowledgeBenchmark.scalar(connection, "SELECT extversion FROM pg_extension WHERE extname = 'vector'")
                + "; shared_buffers " + KnowledgeBenchmark.scalar(connection, "SHOW shared_buffers")
                + ", maintenance_work_mem for the builds " + maintenanceWorkMem + ", max_parallel_maintenance_workers "
                + KnowledgeBenchmark.scalar(connection, "SHOW max_parallel_maintenance_workers"));
        line(setup, "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, load average at start "
                + KnowledgeBenchmark.loadAverage());
    }

    void load(long nanos, long generationNanos, List<Corpus.Base> bases) {
        int rows = bases.stream().mapToInt(b -> b.chunks).sum();
        StringBuilder kbs = new StringBuilder();
        for (Corpus.Base base : bases) {
            kbs.append(kbs.length() == 0 ? "" : ", ").append(base.name).append(' ').append(base.chunks).append(" chunks / ")
                    .append(base.documents.size()).append(" documents / ").append(base.topics.length).append(" topics");
        }
        line(load, "Knowledge bases: " + kbs);
        line(load, String.format(Locale.ROOT, "Load (COPY, %d chunks, generation included): %.1f s (of which generating vectors and text %.1f s), "
                + "load average after %s", rows, nanos / 1e9, generationNanos / 1e9, KnowledgeBenchmark.loadAverage()));
    }

    void index(Corpus.Base base, long nanos, ConcurrentWriter.Summary writer) {
        String during = writer == null ? "" : String.format(Locale.ROOT, "; meanwhile %d single-row inserts into %s over %.1f s, "
                + "insert latency p50 %.1f ms, max %.1f ms", writer.inserts(), "another knowledge base", writer.seconds(), writer.p50Millis(), writer.maxMillis());
        line(load, String.format(Locale.ROOT, "CREATE INDEX CONCURRENTLY of %s (%d chunks): %.1f s%s", base.name, base.chunks, nanos / 1e9, during));
    }

    void sizes(Connection connection) throws SQLException {
        line(load, "Sizes: ai.chunks " + KnowledgeBenchmark.scalar(connection, "SELECT pg_size_pretty(pg_total_relation_size('ai.chunks'))")
                + " with indexes; HNSW indexes " + KnowledgeBenchmark.scalar(connection, "SELECT string_agg(pg_size_pretty(pg_relation_size(c.oid)), ', ' "
                + "ORDER BY c.relname) FROM pg_class c WHERE c.relname LIKE 'chunks_hnsw_%'") + "; load average after the builds "
                + KnowledgeBenchmark.loadAverage());
    }

    /** The query vector's 384 values would drown the plan. */
    void plan(List<String> lines) {
        this.plan = lines.stream().map(line -> line.replaceAll("'\\[[^]]*]'", "'[...]'")).toList();
    }

    void exact(long meanNanos) {
        line(load, String.format(Locale.ROOT, "Exact search (index and sequential scans off: a bitmap scan of its rows), once per query: mean %.1f ms", meanNanos / 1e6));
    }

    void pass(String name, KnowledgeBenchmark.Pass pass) {
        long[] m = pass.micros();
        passes.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f | %.3f |%n", name, m.length,
                percentile(m, 0.50), percentile(m, 0.90), percentile(m, 0.99), m[m.length - 1] / 1000.0, pass.recall(),
                pass.recallParaphrase(), pass.recallNewText()));
    }

    String markdown(Instant finished) {
        return "## " + finished.toString().substring(0, 16).replace('T', ' ') + " UTC\n\n" + setup + load
                + "- Load average at the end: " + KnowledgeBenchmark.loadAverage() + "\n\n"
                + "Top-" + KnowledgeBenchmark.MAX_CHUNKS + " searches of the target knowledge base (threshold " + KnowledgeBenchmark.THRESHOLD
                + "), after " + KnowledgeBenchmark.WARM_UP + " warm-up queries; latency in ms of the whole search transaction seen from JDBC:\n\n"
                + "| search | queries | p50 | p90 | p99 | max | recall@5 | paraphrases | new texts |\n|---|---|---|---|---|---|---|---|---|\n"
                + passes + "\nPlan of the first query:\n\n```\n" + String.join("\n", plan) + "\n```\n";
    }

    private static double percentile(long[] sorted, double p) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    private static void line(StringBuilder out, String text) {
        out.append("- ").append(text).append('\n');
    }
}
