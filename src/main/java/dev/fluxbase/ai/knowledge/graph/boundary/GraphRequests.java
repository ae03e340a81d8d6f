package dev.fluxbase.ai.knowledge.graph.boundary;

import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.graph.entity.EntityName;
import dev.fluxbase.ai.knowledge.graph.entity.EntityType;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The graph API's query parameters, read as text so that a bad one is our 400, and its refusals. */
final class GraphRequests {

    private GraphRequests() {
    }

    static KnowledgeBase knowledgeBase(KnowledgeBaseStore store, String id) {
        return Ids.parse(id).flatMap(store::find)
                .orElseThrow(() -> RequestRejected.notFound(ErrorCodes.KNOWLEDGE_BASE_NOT_FOUND, "Knowledge base not found"));
    }

    static RequestRejected entityNotFound() {
        return RequestRejected.notFound(ErrorCodes.ENTITY_NOT_FOUND, "Entity not found");
    }

    /** An entity type as the SDK names it (or a common spelling of one); absent or blank is no filter. */
    static Optional<EntityType> type(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(EntityType.of(text).orElseThrow(() -> new RequestRejected(400, ErrorCodes.UNKNOWN_ENTITY_TYPE,
                "Unknown entity type '" + text.strip() + "': one of " + Arrays.stream(EntityType.values()).map(EntityType::wireName)
                        .collect(Collectors.joining(", ")))));
    }

    /** A comma-separated list of entity types; empty is every type. */
    static List<EntityType> types(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(GraphRequests::type).flatMap(Optional::stream).distinct().toList();
    }

    /** The search text in the canonical form names are stored under; one that has none is refused. */
    static String query(String text) {
        String canonical = text == null ? "" : EntityName.canonical(text);
        if (canonical.isEmpty()) {
            throw RequestRejected.badRequest("Invalid query: \"query\" is required");
        }
        return canonical;
    }

    /** A whole number from {@code min} to {@code max}, or the default when absent. */
    static int number(String name, String text, int min, int max, int byDefault) {
        if (text == null || text.isBlank()) {
            return byDefault;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RequestRejected.badRequest("Invalid query: \"" + name + "\" must be an integer from " + min + " to " + max);
    }
}
