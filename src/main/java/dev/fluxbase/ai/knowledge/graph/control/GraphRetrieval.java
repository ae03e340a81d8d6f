package dev.fluxbase.ai.knowledge.graph.control;

import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.graph.entity.NamedChunks;
import dev.fluxbase.ai.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The graph's part in retrieval: the entities whose name or alias a question mentions, and the chunks they were
 * found in (by {@code entity_mentions}), those mentioning the most of them first.
 */
@ApplicationScoped
public class GraphRetrieval {

    @Inject
    DataSource dataSource;

    private final Jdbc jdbc = new Jdbc(() -> dataSource, e -> new KnowledgeException("Graph retrieval failed: " + e.getMessage(), e));

    public NamedChunks chunksNamedIn(UUID knowledgeBaseId, String question, int maxChunks) {
        Jdbc.TextArray terms = new Jdbc.TextArray(List.copyOf(QuestionTerms.of(question)));
        if (terms.values().isEmpty()) {
            return NamedChunks.NONE;
        }
        return jdbc.run(connection -> {
            List<UUID> named = Jdbc.list(connection, "SELECT id FROM ai.entities WHERE knowledge_base_id = ? "
                    + "AND (canonical_name = ANY (?) OR alias_keys && ?)", rs -> rs.getObject(1, UUID.class), knowledgeBaseId, terms, terms);
            if (named.isEmpty()) {
                return NamedChunks.NONE;
            }
            List<Map.Entry<UUID, Integer>> chunks = Jdbc.list(connection, "SELECT chunk_id, count(DISTINCT entity_id) FROM ai.entity_mentions WHERE entity_id = ANY (cast(? AS uuid[])) "
                    + "AND chunk_id IS NOT NULL GROUP BY chunk_id ORDER BY 2 DESC, sum(mention_count) DESC, chunk_id LIMIT ?",
                    rs -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)),
                    new Jdbc.TextArray(named.stream().map(UUID::toString).toList()), maxChunks);
            return new NamedChunks(named.size(), chunks.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        });
    }
}
