package dev.fluxbase.ai.chatbots.boundary;

import dev.fluxbase.ai.chatbots.control.ChatbotLibrary;
import dev.fluxbase.ai.chatbots.control.ChatbotStore;
import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotSource;
import dev.fluxbase.ai.chatbots.entity.SyncResult;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.rlschecks.boundary.RlsCheckJson;
import dev.fluxbase.ai.rlschecks.control.RlsCheckAdministration;
import dev.fluxbase.ai.rlschecks.entity.ChecksSummary;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Chatbot administration: every chatbot, enabled or not, public or not. */
@Path("/admin/ai/chatbots")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Chatbot administration")
public class AdminChatbotsResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;
    private static final String RLS_CHECKS = "rls_checks";

    @Inject
    ChatbotStore store;

    @Inject
    ChatbotLibrary library;

    @Inject
    RlsCheckAdministration rlsChecks;

    @GET
    @Operation(operationId = "listAllChatbots", summary = "List every chatbot, optionally of one namespace")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ChatbotList")))
    public JsonObject list(@QueryParam("namespace") String namespace) {
        Map<UUID, ChecksSummary> checks = rlsChecks.summaries();
        return ChatbotJson.list(store.all(Optional.ofNullable(namespace).filter(ns -> !ns.isBlank())), chatbot -> ChatbotJson.summary(chatbot)
                .add(RLS_CHECKS, RlsCheckJson.summary(checks.getOrDefault(chatbot.id(), ChecksSummary.NONE))));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getChatbotDetails", summary = "Get a chatbot with its code and every setting")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIChatbot")))
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject get(@PathParam("id") String id) {
        return full(Ids.parse(id).flatMap(store::find).orElseThrow(AdminChatbotsResource::notFound));
    }

    @PUT
    @Path("{id}/toggle")
    @Operation(operationId = "toggleChatbot", summary = "Enable or disable a chatbot; the choice survives restarts and syncs")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ToggleChatbotRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIChatbot")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject toggle(@PathParam("id") String id, String body) {
        JsonFields request = JsonBodies.fields(body);
        boolean enabled = request.required("enabled", request::bool);
        return update(id, chatbot -> chatbot.setEnabled(enabled));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateChatbot", summary = "Change a chatbot's settings; only the fields present are applied")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateChatbotRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIChatbot")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject change(@PathParam("id") String id, String body) {
        ChatbotChanges changes = ChatbotChanges.from(JsonBodies.fields(body));
        changes.providerId().flatMap(p -> p).ifPresent(providerId -> {
            if (!store.providerExists(providerId)) {
                throw RequestRejected.badRequest("Unknown provider_id: " + providerId);
            }
        });
        return update(id, changes::applyTo);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteChatbot", summary = "Delete a chatbot with its conversations")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Deleted")))
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject delete(@PathParam("id") String id) {
        UUID uuid = Ids.parse(id).orElseThrow(AdminChatbotsResource::notFound);
        if (!store.delete(uuid)) {
            throw notFound();
        }
        return JSON.createObjectBuilder().add("deleted", true).add("id", uuid.toString()).build();
    }

    @POST
    @Path("sync")
    @Operation(operationId = "syncChatbots", summary = "Sync chatbots from the chatbots directory (no \"chatbots\" in the body) or from the payload")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SyncChatbotsRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SyncChatbotsResult")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public JsonObject sync(String body) {
        JsonFields request = JsonBodies.fields(body);
        String namespace = request.nonBlankText("namespace").orElse(ChatbotDefinition.DEFAULT_NAMESPACE);
        Optional<JsonFields> options = request.fields("options");
        boolean dryRun = options.flatMap(o -> o.bool("dry_run")).orElse(false);
        boolean deleteMissing = options.flatMap(o -> o.bool("delete_missing")).orElse(false);
        List<ChatbotSource> payload = payload(request, namespace);
        SyncResult result = payload.isEmpty()
                ? library.syncFilesystem(namespace, dryRun, deleteMissing)
                : library.syncPayload(namespace, payload, dryRun, deleteMissing);
        return ChatbotJson.syncResult(result);
    }

    private static List<ChatbotSource> payload(JsonFields request, String namespace) {
        return request.fieldsList("chatbots").orElse(List.of()).stream().map(spec -> {
            String name = spec.nonBlankText("name").orElse(null);
            return new ChatbotSource(namespace, name, "payload:" + namespace + "/" + name, spec.nonBlankText("code").orElse(null));
        }).toList();
    }

    private JsonObject update(String id, Consumer<Chatbot> change) {
        return full(Ids.parse(id).flatMap(uuid -> store.update(uuid, change)).orElseThrow(AdminChatbotsResource::notFound));
    }

    /** With its row-level security checks at a glance, so that a failing one shows where the chatbot does. */
    private JsonObject full(Chatbot chatbot) {
        return JSON.createObjectBuilder(ChatbotJson.full(chatbot)).add(RLS_CHECKS, RlsCheckJson.summary(rlsChecks.summary(chatbot.id()))).build();
    }

    private static RequestRejected notFound() {
        return RequestRejected.notFound(ErrorCodes.CHATBOT_NOT_FOUND, "Chatbot not found");
    }
}
