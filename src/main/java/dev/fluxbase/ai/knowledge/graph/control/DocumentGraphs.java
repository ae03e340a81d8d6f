package dev.fluxbase.ai.knowledge.graph.control;

import dev.fluxbase.ai.knowledge.graph.entity.ChunkGraph;
import dev.fluxbase.ai.knowledge.graph.entity.DocumentGraph;
import dev.fluxbase.ai.knowledge.graph.entity.EntityName;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractedEntity;
import dev.fluxbase.ai.knowledge.graph.entity.ExtractedRelationship;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores what extraction found in a document's chunks, on the connection that stores the chunks. Entities and
 * relationships are upserted once per document, in the order of their keys: two documents that share entities
 * and are ingested at the same time then lock them in the same order, and cannot deadlock.
 */
public final class DocumentGraphs {

    private DocumentGraphs() {
    }

    /** @param chunkIds the stored chunks, in the order of the document graph's chunks */
    public static void store(Connection connection, UUID knowledgeBaseId, UUID documentId, List<UUID> chunkIds, DocumentGraph graph)
            throws SQLException {
        Map<String, UUID> entityIds = entities(connection, knowledgeBaseId, graph);
        Map<String, UUID> relationshipIds = relationships(connection, knowledgeBaseId, graph, entityIds);
        for (int i = 0; i < chunkIds.size(); i++) {
            ChunkGraph chunk = graph.chunk(i);
            for (ExtractedEntity entity : chunk.entities()) {
                GraphWriter.mention(connection, entityIds.get(entity.key()), documentId, chunkIds.get(i));
            }
            for (ExtractedRelationship relationship : chunk.relationships()) {
                UUID id = relationshipIds.get(relationship.key());
                if (id != null) {
                    GraphWriter.relationshipMention(connection, id, documentId, chunkIds.get(i));
                }
            }
        }
    }

    private static Map<String, UUID> entities(Connection connection, UUID knowledgeBaseId, DocumentGraph graph) throws SQLException {
        SortedMap<String, ExtractedEntity> entities = new TreeMap<>();
        Map<String, List<EntityName>> aliases = new HashMap<>();
        for (ChunkGraph chunk : graph.chunks()) {
            for (ExtractedEntity entity : chunk.entities()) {
                ExtractedEntity first = entities.putIfAbsent(entity.key(), entity);
                List<EntityName> names = aliases.computeIfAbsent(entity.key(), k -> new ArrayList<>());
                names.addAll(entity.aliases());
                if (first != null) {
                    names.add(entity.name()); // another chunk's spelling
                }
            }
        }
        Map<String, UUID> ids = new HashMap<>();
        for (Map.Entry<String, ExtractedEntity> entity : entities.entrySet()) {
            UUID id = GraphWriter.entity(connection, knowledgeBaseId, entity.getValue().type(), entity.getValue().name(), null);
            GraphWriter.aliases(connection, id, aliases.get(entity.getKey()));
            ids.put(entity.getKey(), id);
        }
        return ids;
    }

    private static Map<String, UUID> relationships(Connection connection, UUID knowledgeBaseId, DocumentGraph graph,
            Map<String, UUID> entityIds) throws SQLException {
        SortedMap<String, ExtractedRelationship> relationships = new TreeMap<>();
        for (ChunkGraph chunk : graph.chunks()) {
            chunk.relationships().forEach(relationship -> relationships.merge(relationship.key(), relationship,
                    ExtractedRelationship::moreConfident));
        }
        Map<String, UUID> ids = new HashMap<>();
        for (Map.Entry<String, ExtractedRelationship> entry : relationships.entrySet()) {
            ExtractedRelationship relationship = entry.getValue();
            UUID id = GraphWriter.relationship(connection, knowledgeBaseId, entityIds.get(relationship.source().key()),
                    entityIds.get(relationship.target().key()), relationship.type(), relationship.confidence(), null);
            if (id != null) {
                ids.put(entry.getKey(), id);
            }
        }
        return ids;
    }

}
