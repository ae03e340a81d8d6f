package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.platform.control.Database;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Cosine search over one knowledge base's chunks through its partial HNSW index (SQL in {@link VectorSql}). */
@ApplicationScoped
public class VectorSearch {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    public List<SearchHit> search(KnowledgeBase kb, float[] query, SearchRequest request) {
        String vector = VectorText.of(query);
        return jdbc.inLocalTransaction(connection -> {
            try (Statement set = connection.createStatement()) {
                set.execute(VectorSql.setEfSearch(request.maxChunks()));
            }
            return Jdbc.list(connection, VectorSql.search(kb.id(), kb.model().dimensions()), rs -> hit(kb, rs),
                    vector, vector, request.maxChunks(), request.threshold());
        });
    }

    /** These chunks of the knowledge base (others are ignored) with their similarity to the query, in no order. */
    public List<SearchHit> similarities(KnowledgeBase kb, float[] query, Collection<UUID> chunkIds) {
        if (chunkIds.isEmpty()) {
            return List.of();
        }
        return jdbc.list(VectorSql.similarities(kb.id(), kb.model().dimensions()), rs -> hit(kb, rs), VectorText.of(query),
                new Jdbc.TextArray(chunkIds.stream().map(UUID::toString).toList()));
    }

    private static SearchHit hit(KnowledgeBase kb, ResultSet rs) throws SQLException {
        return new SearchHit(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class), rs.getString("title"), kb.id(),
                kb.name(), rs.getString("content"), rs.getDouble("similarity"), rs.getString("metadata"));
    }
}
