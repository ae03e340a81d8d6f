package dev.fluxbase.ai.knowledge.graph.boundary;

import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.graph.control.GraphReader;
import dev.fluxbase.ai.knowledge.graph.entity.Entity;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A knowledge base's entities: listed, searched by name, and their relationships. Its path is more specific than
 * KnowledgeBasesResource's {@code {id}}, so JAX-RS picks this class for {@code .../{kb}/entities...} alone.
 */
@Path("/admin/ai/knowledge-bases/{kb}/entities")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge graph")
public class EntitiesResource {

    private static final int DEFAULT_LIST = 1000;
    private static final int MAX_LIST = 10_000;
    private static final int DEFAULT_SEARCH = 50;
    private static final int MAX_SEARCH = 500;
    private static final int DEFAULT_RELATIONSHIPS = 500;
    private static final int MAX_RELATIONSHIPS = 5000;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    GraphReader graph;

    @GET
    @Operation(operationId = "listEntities", summary = "The knowledge base's entities by canonical name, optionally of one type; has_more (extension) says whether a "
            + "next page (offset) has more")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EntityPage")))
    @APIResponse(responseCode = "400", ref = "EntityQueryInvalid")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonObject list(@PathParam("kb") String kb,
            @Parameter(description = "an entity type (person, organization, location, concept, product, ...)") @QueryParam("entity_type")
            String entityType,
            @Parameter(description = "the same, as Fluxbase's server names it") @QueryParam("type") String type,
            @Parameter(description = "at most this many (default 1000, at most 10000)") @QueryParam("limit") String limit,
            @Parameter(description = "skip this many") @QueryParam("offset") String offset) {
        KnowledgeBase knowledgeBase = GraphRequests.knowledgeBase(knowledgeBases, kb);
        int max = GraphRequests.number("limit", limit, 1, MAX_LIST, DEFAULT_LIST);
        List<Entity> page = graph.entities(knowledgeBase.id(), GraphRequests.type(entityType != null ? entityType : type), max + 1,
                GraphRequests.number("offset", offset, 0, Integer.MAX_VALUE, 0));
        List<Entity> entities = page.subList(0, Math.min(max, page.size()));
        return JsonFactories.PROVIDER.createObjectBuilder(GraphJson.list("entities", entities, GraphJson::entity))
                .add("has_more", page.size() > max).build();
    }

    @GET
    @Path("search")
    @Operation(operationId = "searchEntities", summary = "Entities whose name or an alias contains the query, case-insensitively: exact matches first, then prefixes, "
            + "then the rest, the most mentioned first")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EntityList")))
    @APIResponse(responseCode = "400", ref = "EntityQueryInvalid")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonObject search(@PathParam("kb") String kb, @QueryParam("query") String query,
            @Parameter(description = "the same, as Fluxbase's server names it") @QueryParam("q") String q,
            @Parameter(description = "comma-separated entity types") @QueryParam("types") String types,
            @Parameter(description = "at most this many (default 50, at most 500)") @QueryParam("limit") String limit) {
        KnowledgeBase knowledgeBase = GraphRequests.knowledgeBase(knowledgeBases, kb);
        return GraphJson.list("entities", graph.search(knowledgeBase.id(), GraphRequests.query(query != null ? query : q), GraphRequests.types(types),
                GraphRequests.number("limit", limit, 1, MAX_SEARCH, DEFAULT_SEARCH)), GraphJson::entity);
    }

    @GET
    @Path("{entity}/relationships")
    @Operation(operationId = "listEntityRelationships", summary = "The entity's relationships in both directions, with both ends")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RelationshipList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "EntityNotFound")
    public JsonObject relationships(@PathParam("kb") String kb, @PathParam("entity") String entity,
            @Parameter(description = "at most this many (default 500, at most 5000)") @QueryParam("limit") String limit) {
        KnowledgeBase knowledgeBase = GraphRequests.knowledgeBase(knowledgeBases, kb);
        Entity found = Ids.parse(entity).flatMap(id -> graph.entity(knowledgeBase.id(), id)).orElseThrow(GraphRequests::entityNotFound);
        return GraphJson.list("relationships", graph.relationships(knowledgeBase.id(), found.id(),
                GraphRequests.number("limit", limit, 1, MAX_RELATIONSHIPS, DEFAULT_RELATIONSHIPS)), GraphJson::relationship);
    }
}
