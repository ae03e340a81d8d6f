package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.control.LinkStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeLink;
import dev.fluxbase.ai.knowledge.entity.LinkSettings;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which knowledge bases a chatbot retrieves from, with the most chunks and the least similarity of each, and which of
 * their documents a turn may see ({@code access_level}, {@code filter_expression}: extensions of the SDK's link).
 */
@Path("/admin/ai/chatbots/{chatbot}/knowledge-bases")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge bases")
public class ChatbotKnowledgeResource {

    static final int DEFAULT_PRIORITY = 1;
    static final int DEFAULT_MAX_CHUNKS = 5;
    static final double DEFAULT_THRESHOLD = 0.7;

    @Inject
    LinkStore links;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @GET
    @Operation(operationId = "listChatbotKnowledgeBases", summary = "The chatbot's knowledge-base links, highest priority first")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeLinkList")))
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject list(@PathParam("chatbot") String chatbot) {
        return KnowledgeJson.list("knowledge_bases", links.ofChatbot(chatbot(chatbot)), KnowledgeJson::link);
    }

    @POST
    @Operation(operationId = "linkKnowledgeBase", summary = "Link a knowledge base (or update the existing link and enable it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LinkKnowledgeBaseRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeLink")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "LinkNotFound")
    public Response link(@PathParam("chatbot") String chatbot, String body) {
        UUID chatbotId = chatbot(chatbot);
        JsonFields request = JsonBodies.fields(body);
        UUID kb = Ids.parse(request.requiredText("knowledge_base_id")).flatMap(knowledgeBases::find)
                .orElseThrow(Rejections::knowledgeBaseNotFound).id();
        KnowledgeLink link = links.upsert(chatbotId, kb, new LinkSettings(request.integer("priority", 0, 1000).orElse(DEFAULT_PRIORITY),
                request.integer("max_chunks", 1, 100).orElse(DEFAULT_MAX_CHUNKS),
                request.number("similarity_threshold", 0, 1).orElse(DEFAULT_THRESHOLD),
                LinkRequests.accessLevel(request).orElse(null), LinkRequests.filterExpression(request).orElse(null)));
        return Response.status(Response.Status.CREATED).entity(KnowledgeJson.link(link)).build();
    }

    @PUT
    @Path("{kb}")
    @Operation(operationId = "updateKnowledgeBaseLink", summary = "Change a link's priority, most chunks, least similarity, enabled flag, access_level or filter_expression")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateLinkRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeLink")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "LinkNotFound")
    public JsonObject update(@PathParam("chatbot") String chatbot, @PathParam("kb") String kb, String body) {
        KnowledgeLink old = existing(chatbot, kb);
        JsonFields request = JsonBodies.fields(body);
        links.save(new KnowledgeLink(old.id(), old.chatbotId(), old.chatbotName(), old.knowledgeBaseId(), old.knowledgeBaseName(),
                request.bool("enabled").orElse(old.enabled()), request.integer("max_chunks", 1, 100).orElse(old.maxChunks()),
                request.number("similarity_threshold", 0, 1).orElse(old.similarityThreshold()),
                request.integer("priority", 0, 1000).orElse(old.priority()), LinkRequests.accessLevel(request).orElse(old.accessLevel()),
                LinkRequests.filterExpression(request).orElse(old.filterExpression()), old.createdAt(), old.updatedAt()));
        return KnowledgeJson.link(existing(chatbot, kb));
    }

    @DELETE
    @Path("{kb}")
    @Operation(operationId = "unlinkKnowledgeBase", summary = "Unlink a knowledge base from the chatbot")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "404", ref = "LinkNotFound")
    public Response unlink(@PathParam("chatbot") String chatbot, @PathParam("kb") String kb) {
        KnowledgeLink link = existing(chatbot, kb);
        links.delete(link.chatbotId(), link.knowledgeBaseId());
        return Response.noContent().build();
    }

    private UUID chatbot(String id) {
        return Ids.parse(id).filter(links::chatbotExists).orElseThrow(Rejections::chatbotNotFound);
    }

    private KnowledgeLink existing(String chatbot, String kb) {
        UUID chatbotId = chatbot(chatbot);
        return Ids.parse(kb).flatMap(kbId -> links.find(chatbotId, kbId)).orElseThrow(Rejections::linkNotFound);
    }
}
