package dev.fluxbase.bench.knowledge;

import dev.fluxbase.ai.knowledge.control.VectorSql;
import dev.fluxbase.ai.knowledge.control.VectorText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The search exactly as VectorSearch runs it (same SQL, same transaction shape), and its exact counterpart. */
record Searches(Connection connection, UUID knowledgeBase) {

    /** As the server searches: {@code SET LOCAL hnsw.ef_search} from VectorSql, then the query. */
    List<UUID> search(float[] query, int maxChunks, double threshold) throws SQLException {
        return run(VectorSql.setEfSearch(maxChunks), query, maxChunks, threshold);
    }

    /** The same query with a given search width, to see what a wider search would buy. */
    List<UUID> searchWithEf(float[] query, int maxChunks, double threshold, int efSearch) throws SQLException {
        return run("SET LOCAL hnsw.ef_search = " + efSearch, query, maxChunks, threshold);
    }

    /**
     * Ground truth: the same query with index scans off, so every chunk of the knowledge base is compared
     * (sequential scans off too, so that only its rows are read, through the knowledge-base b-tree's bitmap).
     */
    List<UUID> exact(float[] query, int maxChunks, double threshold) throws SQLException {
        return run("SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off", query, maxChunks, threshold);
    }

    List<String> explain(float[] query, int maxChunks, double threshold) throws SQLException {
        List<String> plan = new ArrayList<>();
        connection.setAutoCommit(false);
        try (Statement set = connection.createStatement()) {
            set.execute(VectorSql.setEfSearch(maxChunks));
            try (PreparedStatement select = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + VectorSql.search(knowledgeBase, Corpus.DIMENSIONS))) {
                bind(select, query, maxChunks, threshold);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
        return plan;
    }

    private List<UUID> run(String setting, float[] query, int maxChunks, double threshold) throws SQLException {
        List<UUID> ids = new ArrayList<>(maxChunks);
        connection.setAutoCommit(false); // a failure ends the benchmark, and the connection with it
        try (Statement set = connection.createStatement()) {
            set.execute(setting);
        }
        try (PreparedStatement select = connection.prepareStatement(VectorSql.search(knowledgeBase, Corpus.DIMENSIONS))) {
            bind(select, query, maxChunks, threshold);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    // Read every column VectorSearch reads, so that the transfer is the same.
                    ids.add(rs.getObject("id", UUID.class));
                    rs.getObject("document_id", UUID.class);
                    rs.getString("title");
                    rs.getString("content");
                    rs.getDouble("similarity");
                    rs.getString("metadata");
                }
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
        return ids;
    }

    private static void bind(PreparedStatement select, float[] query, int maxChunks, double threshold) throws SQLException {
        String vector = VectorText.of(query);
        select.setString(1, vector);
        select.setString(2, vector);
        select.setInt(3, maxChunks);
        select.setDouble(4, threshold);
    }
}
