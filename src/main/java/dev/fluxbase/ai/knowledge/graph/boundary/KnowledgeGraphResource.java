package dev.fluxbase.ai.knowledge.graph.boundary;

import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.graph.control.GraphReader;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A knowledge base's graph for display, bounded: a graph of a large corpus would not fit a response or a screen. */
@Path("/admin/ai/knowledge-bases/{kb}/graph")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge graph")
public class KnowledgeGraphResource {

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    GraphReader graph;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.graph.max-entities", defaultValue = "500")
    int maxEntities;

    @Inject
    @ConfigProperty(name = "fluxbase.ai.knowledge.graph.max-relationships", defaultValue = "2000")
    int maxRelationships;

    @GET
    @Operation(operationId = "getKnowledgeGraph", summary = "The most-mentioned entities (at most fluxbase.ai.knowledge.graph.max-entities) and the relationships among them; "
            + "entity_count and relationship_count are the whole graph's, truncated (extension) says whether this is less")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeGraph")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonObject graph(@PathParam("kb") String kb,
            @Parameter(description = "fewer entities than the configured most") @QueryParam("max_entities") String max) {
        KnowledgeBase knowledgeBase = GraphRequests.knowledgeBase(knowledgeBases, kb);
        int entities = GraphRequests.number("max_entities", max, 1, Math.max(1, maxEntities), Math.max(1, maxEntities));
        return GraphJson.graph(graph.graph(knowledgeBase.id(), entities, Math.max(0, maxRelationships)), entities);
    }
}
