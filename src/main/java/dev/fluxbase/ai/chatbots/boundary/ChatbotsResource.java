package dev.fluxbase.ai.chatbots.boundary;

import dev.fluxbase.ai.chatbots.control.ChatbotStore;
import dev.fluxbase.ai.chatbots.control.RoleGate.Verdict;
import dev.fluxbase.ai.chatbots.control.RoleGate;
import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The chatbots end users may see: enabled and public ones, and of those requiring roles only the ones the caller
 * has a role for. Authentication is optional.
 */
@Path("/ai/chatbots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chatbots")
public class ChatbotsResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    @Inject
    ChatbotStore store;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listChatbots", summary = "List the enabled, public chatbots of every namespace")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ChatbotList")))
    public JsonObject list() {
        return ChatbotJson.list(store.published().stream().filter(this::listed).toList());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getChatbot", summary = "Get an enabled, public chatbot by id")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIChatbotSummary")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject get(@PathParam("id") String id) {
        return Ids.parse(id).flatMap(store::find)
                .filter(c -> c.enabled() && c.audience().isPublic())
                .filter(this::visible)
                .map(this::admitted)
                .map(c -> ChatbotJson.summary(c).build())
                .orElseThrow(() -> RequestRejected.notFound(ErrorCodes.CHATBOT_NOT_FOUND, "Chatbot not found"));
    }

    /** The SDK's namespace lookup: the default namespace wins when a name exists in several. */
    @GET
    @Path("by-name/{name}")
    @Operation(operationId = "getChatbotByName", summary = "Find an enabled, public chatbot by name; 409 lists the namespaces when the name is ambiguous")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIChatbotLookupResponse")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "ChatbotLookupNotFound")
    @APIResponse(responseCode = "409", ref = "ChatbotLookupAmbiguous")
    public Response byName(@PathParam("name") String name) {
        List<Chatbot> matches = store.publishedNamed(name).stream().filter(this::visible).toList();
        if (matches.isEmpty()) {
            return lookup(404, JSON.createObjectBuilder().add("ambiguous", false).add("error", "Chatbot not found").add("code", ErrorCodes.CHATBOT_NOT_FOUND).build());
        }
        Chatbot chosen = matches.size() == 1 ? matches.get(0)
                : matches.stream().filter(c -> c.namespace().equals(ChatbotDefinition.DEFAULT_NAMESPACE)).findFirst().orElse(null);
        if (chosen != null) {
            return lookup(200, JSON.createObjectBuilder().add("chatbot", ChatbotJson.summary(admitted(chosen))).add("ambiguous", false).build());
        }
        List<String> namespaces = matches.stream().map(Chatbot::namespace).toList();
        return lookup(409, JSON.createObjectBuilder()
                .add("ambiguous", true)
                .add("namespaces", ChatbotJson.strings(namespaces))
                .add("error", "Chatbot '" + name + "' exists in multiple namespaces: " + String.join(", ", namespaces)
                        + ". Please specify the namespace explicitly.")
                .add("code", ErrorCodes.AMBIGUOUS_CHATBOT)
                .build());
    }

    private boolean listed(Chatbot chatbot) {
        return RoleGate.check(chatbot.audience(), caller.get(), caller.isAdmin()) == Verdict.ADMITTED;
    }

    private boolean visible(Chatbot chatbot) {
        return !RoleGate.hiddenFrom(chatbot.audience(), caller.get(), caller.isAdmin());
    }

    private Chatbot admitted(Chatbot chatbot) {
        RoleGate.requireAdmitted(chatbot.audience(), caller.get(), caller.isAdmin());
        return chatbot;
    }

    private static Response lookup(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}
