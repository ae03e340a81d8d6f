package dev.fluxbase.ai.chatbots.boundary;

import dev.fluxbase.ai.chatbots.control.ChatbotLibrary;
import dev.fluxbase.ai.chatbots.control.ChatbotStore;
import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotSource;
import dev.fluxbase.ai.chatbots.entity.SyncResult;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Chatbot administration: every chatbot, enabled or not, public or not. */
@Path("/admin/ai/chatbots")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Chatbot administration")
public class AdminChatbotsResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    @Inject
    ChatbotStore store;

    @Inject
    ChatbotLibrary library;

    @GET
    @Operation(summary = "List every chatbot, optionally of one namespace")
    public JsonObject list(@QueryParam("namespace") String namespace) {
        return ChatbotJson.list(store.all(Optional.ofNullable(namespace).filter(ns -> !ns.isBlank())));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a chatbot with its code and every setting")
    public JsonObject get(@PathParam("id") String id) {
        return ChatbotJson.full(Ids.parse(id).flatMap(store::find).orElseThrow(AdminChatbotsResource::notFound));
    }

    @PUT
    @Path("{id}/toggle")
    @Operation(summary = "Enable or disable a chatbot; the choice survives restarts and syncs")
    public JsonObject toggle(@PathParam("id") String id, String body) {
        JsonValue enabled = JsonBodies.object(body).get("enabled");
        if (enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
            throw RequestRejected.badRequest("Invalid request body: \"enabled\" must be true or false");
        }
        return update(id, chatbot -> chatbot.setEnabled(enabled == JsonValue.TRUE));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a chatbot's settings; only the fields present are applied")
    public JsonObject change(@PathParam("id") String id, String body) {
        ChatbotChanges changes = ChatbotChanges.from(JsonBodies.object(body));
        changes.providerId().flatMap(p -> p).ifPresent(providerId -> {
            if (!store.providerExists(providerId)) {
                throw RequestRejected.badRequest("Unknown provider_id: " + providerId);
            }
        });
        return update(id, changes::applyTo);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a chatbot with its conversations")
    public JsonObject delete(@PathParam("id") String id) {
        UUID uuid = Ids.parse(id).orElseThrow(AdminChatbotsResource::notFound);
        if (!store.delete(uuid)) {
            throw notFound();
        }
        return JSON.createObjectBuilder().add("deleted", true).add("id", uuid.toString()).build();
    }

    @POST
    @Path("sync")
    @Operation(summary = "Sync chatbots from the chatbots directory (no \"chatbots\" in the body) or from the payload")
    public JsonObject sync(String body) {
        JsonObject request = JsonBodies.object(body);
        String namespace = text(request, "namespace").orElse(ChatbotDefinition.DEFAULT_NAMESPACE);
        JsonObject options = request.get("options") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        boolean dryRun = options.getBoolean("dry_run", false);
        boolean deleteMissing = options.getBoolean("delete_missing", false);
        List<ChatbotSource> payload = payload(request, namespace);
        SyncResult result = payload.isEmpty()
                ? library.syncFilesystem(namespace, dryRun, deleteMissing)
                : library.syncPayload(namespace, payload, dryRun, deleteMissing);
        return ChatbotJson.syncResult(result);
    }

    private static List<ChatbotSource> payload(JsonObject request, String namespace) {
        JsonValue chatbots = request.get("chatbots");
        if (chatbots == null || chatbots == JsonValue.NULL) {
            return List.of();
        }
        if (chatbots.getValueType() != JsonValue.ValueType.ARRAY) {
            throw RequestRejected.badRequest("Invalid request body: \"chatbots\" must be an array");
        }
        List<ChatbotSource> sources = new ArrayList<>();
        for (JsonValue item : chatbots.asJsonArray()) {
            if (!(item instanceof JsonObject spec)) {
                throw RequestRejected.badRequest("Invalid request body: each chatbot must be an object with name and code");
            }
            String name = text(spec, "name").orElse(null);
            sources.add(new ChatbotSource(namespace, name, "payload:" + namespace + "/" + name, text(spec, "code").orElse(null)));
        }
        return sources;
    }

    private JsonObject update(String id, java.util.function.Consumer<Chatbot> change) {
        return ChatbotJson.full(Ids.parse(id).flatMap(uuid -> store.update(uuid, change)).orElseThrow(AdminChatbotsResource::notFound));
    }

    private static Optional<String> text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    private static RequestRejected notFound() {
        return RequestRejected.notFound("CHATBOT_NOT_FOUND", "Chatbot not found");
    }
}
