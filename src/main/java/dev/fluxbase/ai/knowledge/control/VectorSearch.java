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

/** Cosine search over one knowledge base's chunks through its partial HNSW index (SQL in {@link VectorSql}). */
@ApplicationScoped
public class VectorSearch {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public List<SearchHit> search(KnowledgeBase kb, float[] query, SearchRequest request) {
        List<SearchHit> hits = new ArrayList<>();
        Transactions.run(dataSource, connection -> {
            try (Statement set = connection.createStatement()) {
                set.execute(VectorSql.setEfSearch(request.maxChunks()));
            }
            try (PreparedStatement select = connection.prepareStatement(VectorSql.search(kb.id(), kb.model().dimensions()))) {
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
}
