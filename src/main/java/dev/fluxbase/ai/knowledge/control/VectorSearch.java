package dev.fluxbase.ai.knowledge.control;

import dev.fluxbase.ai.knowledge.entity.DocumentScope;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Cosine search over one knowledge base's chunks through its partial HNSW index (SQL in {@link VectorSql}), among the
 * documents of the request's {@link DocumentScope}, which the query's WHERE enforces.
 */
@ApplicationScoped
public class VectorSearch {

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = KnowledgeJdbc.on(() -> dataSource);

    private volatile Boolean iterativeScan;

    public List<SearchHit> search(KnowledgeBase kb, float[] query, SearchRequest request) {
        String vector = VectorText.of(query);
        DocumentScope scope = request.scope();
        List<Object> parameters = new ArrayList<>();
        parameters.add(vector);
        parameters.addAll(scope.parameters());
        parameters.addAll(List.of(vector, request.maxChunks(), request.threshold()));
        return jdbc.inLocalTransaction(connection -> {
            try (Statement set = connection.createStatement()) {
                set.execute(VectorSql.setEfSearch(request.maxChunks()));
                if (scope != DocumentScope.ALL && iterativeScan(connection)) {
                    set.execute(VectorSql.setIterativeScan());
                }
            }
            return Jdbc.list(connection, VectorSql.search(kb.id(), kb.model().dimensions(), scope.sql()), rs -> hit(kb, rs),
                    parameters.toArray());
        });
    }

    /** These chunks of the knowledge base (others, and those out of scope, are ignored) with their similarity to the query, in no order. */
    public List<SearchHit> similarities(KnowledgeBase kb, float[] query, Collection<UUID> chunkIds, DocumentScope scope) {
        if (chunkIds.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(VectorText.of(query), new Jdbc.TextArray(chunkIds.stream().map(UUID::toString).toList())));
        parameters.addAll(scope.parameters());
        return jdbc.list(VectorSql.similarities(kb.id(), kb.model().dimensions(), scope.sql()), rs -> hit(kb, rs), parameters.toArray());
    }

    /** Asked once: the extension's version does not change under a running server (an upgrade restarts it). */
    private boolean iterativeScan(Connection connection) throws SQLException {
        if (iterativeScan == null) {
            iterativeScan = VectorSql.hasIterativeScan(Jdbc.first(connection, VectorSql.extensionVersion(), rs -> rs.getString(1)).orElse(null));
        }
        return iterativeScan;
    }

    private static SearchHit hit(KnowledgeBase kb, ResultSet rs) throws SQLException {
        return new SearchHit(rs.getObject("id", UUID.class), rs.getObject("document_id", UUID.class), rs.getString("title"), kb.id(),
                kb.name(), rs.getString("content"), rs.getDouble("similarity"), rs.getString("metadata"));
    }
}
