package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Cosine search over one knowledge base's chunks. The knowledge-base id and dimension are written into
 * the SQL (a UUID and an int, never user text) so that the planner can match the knowledge base's partial
 * HNSW index; a bound parameter would let a generic plan miss it.
 */
@ApplicationScoped
public class VectorSearch {

    private static final int DEFAULT_EF_SEARCH = 40;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public List<SearchHit> search(KnowledgeBase kb, float[] query, SearchRequest request) {
        List<SearchHit> hits = new ArrayList<>();
        Transactions.run(dataSource, connection -> {
            try (Statement set = connection.createStatement()) {
                // The index returns at most ef_search candidates: never fewer than asked for.
                set.execute("SET LOCAL hnsw.ef_search = " + Math.max(DEFAULT_EF_SEARCH, request.maxChunks()));
            }
            try (PreparedStatement select = connection.prepareStatement(sql(kb))) {
                String vector = VectorText.of(query);
                select.setString(1, vector);
                select.setString(2, vector);
                select.setInt(3, request.maxChunks());
                select.setDouble(4, request.threshold());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new SearchHit(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class),
                                rs.getString("title"), kb.id(), kb.name(), rs.getString("content"), rs.getDouble("similarity"),
                                rs.getString("metadata")));
                    }
                }
            }
        });
        return hits;
    }

    private static String sql(KnowledgeBase kb) {
        String column = "c.embedding::vector(" + kb.model().dimensions() + ")";
        String parameter = "cast(? AS vector(" + kb.model().dimensions() + "))";
        return "SELECT * FROM (SELECT c.id, c.document_id, d.title, c.content, c.metadata::text AS metadata, "
                + "1 - (" + column + " <=> " + parameter + ") AS similarity FROM ai.chunks c JOIN ai.documents d ON d.id = c.document_id "
                + "WHERE c.knowledge_base_id = '" + kb.id() + "' ORDER BY " + column + " <=> " + parameter + " LIMIT ?) hits "
                + "WHERE similarity >= ? ORDER BY similarity DESC";
    }
}
