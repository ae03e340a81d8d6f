package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.InputLimits;
import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.control.KnowledgePermissions;
import dev.fluxbase.ai.knowledge.control.KnowledgeSearch;
import dev.fluxbase.ai.knowledge.entity.DocumentScope;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.KnowledgePermission;
import dev.fluxbase.ai.knowledge.entity.PermissionGrant;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.knowledge.entity.SearchRequest;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.Authenticated;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fluxbase's user-facing knowledge-base routes: the knowledge bases a signed-in user may read (a grant, or public),
 * their sharing by an owner or an administrator, and search among the user's own documents and unowned ones.
 * Creating knowledge bases stays with administrators (each one builds a vector index).
 */
@Path("/ai/knowledge-bases")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Knowledge bases (users)")
public class UserKnowledgeBasesResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;
    private static final int DEFAULT_LIMIT = 10;
    private static final double THRESHOLD = 0.2;
    private static final int MAX_USER_ID = 255;

    @Inject
    UserKnowledgeAccess access;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    KnowledgePermissions permissions;

    @Inject
    KnowledgeSearch search;

    @Inject
    InputLimits limits;

    @GET
    @Operation(operationId = "listMyKnowledgeBases", summary = "The knowledge bases the caller may read, each with the caller's user_permission")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserKnowledgeBaseList")))
    public JsonObject list() {
        String userId = access.userId();
        List<KnowledgeBase> readable = permissions.readableBy(userId).stream().map(knowledgeBases::find).flatMap(Optional::stream).toList();
        return KnowledgeJson.list("knowledge_bases", readable, this::json);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMyKnowledgeBase", summary = "A knowledge base the caller may read; 403 otherwise")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserKnowledgeBase")))
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    public JsonObject get(@PathParam("id") String id) {
        return json(access.require(id, KnowledgePermission.VIEWER, "Access denied"));
    }

    @POST
    @Path("{id}/share")
    @Operation(operationId = "shareKnowledgeBase", summary = "Grant a user viewer, editor or owner ({\"user_id\", \"permission\"}); the owner's or an administrator's")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShareRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PermissionGrant")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public Response share(@PathParam("id") String id, String body) {
        KnowledgeBase kb = access.requireSharer(id, "Only owner can share knowledge base");
        JsonFields request = JsonBodies.fields(body);
        String userId = request.requiredText("user_id").strip();
        if (userId.isEmpty() || userId.length() > MAX_USER_ID) {
            throw request.invalid("user_id", "a user id of 1 to " + MAX_USER_ID + " characters");
        }
        KnowledgePermission permission = KnowledgePermission.parse(request.requiredText("permission"))
                .orElseThrow(() -> request.invalid("permission", "one of viewer, editor, owner"));
        PermissionGrant grant = permissions.grant(kb.id(), userId, permission, access.grantor());
        return Response.status(Response.Status.CREATED).entity(grant(grant)).build();
    }

    @GET
    @Path("{id}/permissions")
    @Operation(operationId = "listKnowledgeBasePermissions", summary = "The grants of a knowledge base (a bare array, as Fluxbase answers); the owner's or an administrator's")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PermissionGrantList")))
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonArray grants(@PathParam("id") String id) {
        KnowledgeBase kb = access.requireSharer(id, "Only owner can view permissions");
        JsonArrayBuilder array = JSON.createArrayBuilder();
        permissions.grants(kb.id()).forEach(grant -> array.add(grant(grant)));
        return array.build();
    }

    @DELETE
    @Path("{id}/permissions/{user}")
    @Operation(operationId = "revokeKnowledgeBasePermission", summary = "Revoke a user's grant; the owner's or an administrator's")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public Response revoke(@PathParam("id") String id, @PathParam("user") String user) {
        KnowledgeBase kb = access.requireSharer(id, "Only owner can revoke permissions");
        permissions.revoke(kb.id(), user);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/search")
    @Operation(operationId = "searchMyKnowledgeBase", summary = "Semantic search among the caller's own documents and unowned ones ({\"query\", \"limit\"?: 1 to 100, default 10})")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSearchRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSearchResults")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    @APIResponse(responseCode = "502", ref = "EmbeddingFailed")
    public JsonObject search(@PathParam("id") String id, String body) {
        KnowledgeBase kb = access.require(id, KnowledgePermission.VIEWER, "Access denied");
        JsonFields request = JsonBodies.fields(body);
        String query = request.requiredText("query");
        int limit = request.integer("limit", 1, 100).orElse(DEFAULT_LIMIT);
        SearchRequest scoped = new SearchRequest(kb.id(), limit, THRESHOLD, DocumentScope.visibleTo(access.userId()));
        List<SearchHit> hits;
        try {
            hits = search.search(query, List.of(scoped), false);
        } catch (KnowledgeException e) {
            throw new RequestRejected(502, ErrorCodes.EMBEDDING_FAILED, "Failed to embed the query: " + e.getMessage());
        }
        return JSON.createObjectBuilder(KnowledgeJson.list("results", hits, KnowledgeJson::hit)).add("query", query).add("limit", limit).build();
    }

    private JsonObject json(KnowledgeBase kb) {
        return JSON.createObjectBuilder(KnowledgeJson.knowledgeBase(kb, limits.of(kb.model())))
                .add("user_permission", access.permissionOn(kb).wireName()).build();
    }

    private static JsonObject grant(PermissionGrant grant) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("knowledge_base_id", grant.knowledgeBaseId().toString())
                .add("user_id", grant.userId()).add("permission", grant.permission().wireName())
                .add("granted_at", grant.grantedAt().toInstant().toString());
        if (grant.grantedBy() != null) {
            json.add("granted_by", grant.grantedBy());
        }
        return json.build();
    }
}
