package dev.fluxbase.ai.conversations.boundary;

import dev.fluxbase.ai.conversations.control.OwnConversations;
import dev.fluxbase.ai.conversations.entity.ConversationDetail;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.Authenticated;
import dev.fluxbase.ai.security.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own persisted conversations. Someone else's conversation, an expired one and an
 * unknown id all answer the same 404.
 */
@Path("/ai/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Conversations")
public class ConversationsResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_TITLE_BYTES = 200;

    @Inject
    OwnConversations conversations;

    @Inject
    CurrentCaller caller;

    @Inject
    ServerClock clock;

    @GET
    @Operation(operationId = "listConversations", summary = "List the caller's conversations, newest first; limit 1 to 100 (default 50), with total and has_more")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConversationList")))
    public JsonObject list(@QueryParam("chatbot") String chatbot, @QueryParam("namespace") String namespace,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int pageSize = limit(limit);
        int skip = Math.max(0, integer(offset, 0));
        return ConversationJson.page(conversations.list(userId(), present(chatbot), present(namespace), pageSize, skip, clock.now()), skip);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getConversation", summary = "Get one of the caller's conversations with its messages")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConversationDetail")))
    @APIResponse(responseCode = "404", ref = "ConversationNotFound")
    public JsonObject get(@PathParam("id") String id) {
        return ConversationJson.detail(found(Ids.parse(id).flatMap(uuid -> conversations.find(uuid, userId(), clock.now()))));
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "renameConversation", summary = "Rename one of the caller's conversations: {\"title\": \"...\"} (1 to 200 bytes)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RenameConversationRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConversationDetail")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "ConversationNotFound")
    public JsonObject rename(@PathParam("id") String id, String body) {
        String title = title(body);
        return ConversationJson.detail(found(Ids.parse(id).flatMap(uuid -> conversations.rename(uuid, userId(), title, clock.now()))));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteConversation", summary = "Delete one of the caller's conversations with its messages")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Deleted")))
    @APIResponse(responseCode = "404", ref = "ConversationNotFound")
    public JsonObject delete(@PathParam("id") String id) {
        UUID uuid = Ids.parse(id).orElseThrow(ConversationsResource::notFound);
        if (!conversations.delete(uuid, userId(), clock.now())) {
            throw notFound();
        }
        return JSON.createObjectBuilder().add("deleted", true).add("id", uuid.toString()).build();
    }

    /** A token without a user (a service key) owns no conversations. */
    private String userId() {
        String userId = caller.get().userId();
        if (userId == null) {
            throw new RequestRejected(401, ErrorCodes.AUTH_REQUIRED, "Authentication required");
        }
        return userId;
    }

    private static String title(String body) {
        JsonFields json;
        try {
            json = JsonBodies.fields(body);
        } catch (RequestRejected e) {
            throw RequestRejected.badRequest("Invalid request body");
        }
        String text = json.required("title", json::text).strip();
        if (text.isEmpty()) {
            throw RequestRejected.badRequest("Title cannot be empty");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TITLE_BYTES) {
            throw RequestRejected.badRequest("Title must be 200 characters or less");
        }
        return text;
    }

    /** As Fluxbase pages: above the maximum gives the maximum, below one or unreadable gives the default. */
    private static int limit(String text) {
        int limit = integer(text, DEFAULT_LIMIT);
        return limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    private static int integer(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static ConversationDetail found(Optional<ConversationDetail> detail) {
        return detail.orElseThrow(ConversationsResource::notFound);
    }

    private static RequestRejected notFound() {
        return RequestRejected.notFound(ErrorCodes.CONVERSATION_NOT_FOUND, "Conversation not found");
    }
}
