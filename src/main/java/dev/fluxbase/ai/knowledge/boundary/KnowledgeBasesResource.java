package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.chatbots.boundary.ChatbotJson;
import dev.fluxbase.ai.chatbots.control.ChatbotStore;
import dev.fluxbase.ai.chatbots.entity.Chatbot;
import dev.fluxbase.ai.knowledge.control.AnnotationLinks;
import dev.fluxbase.ai.knowledge.control.EmbeddingService;
import dev.fluxbase.ai.knowledge.control.FileTypes;
import dev.fluxbase.ai.knowledge.control.InputLimits;
import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.control.KnowledgeSearch;
import dev.fluxbase.ai.knowledge.control.LinkStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeException;
import dev.fluxbase.ai.knowledge.entity.SearchHit;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Knowledge bases: CRUD, semantic search (optionally graph-assisted), the chatbots using one; graphs and table exports have their own resources. */
@Path("/admin/ai/knowledge-bases")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge bases")
public class KnowledgeBasesResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private static final int DEFAULT_SEARCH_CHUNKS = 10;
    private static final double DEFAULT_SEARCH_THRESHOLD = 0.2;

    @Inject
    KnowledgeBaseStore store;

    @Inject
    EmbeddingService embeddings;

    @Inject
    KnowledgeSearch search;

    @Inject
    LinkStore links;

    @Inject
    AnnotationLinks annotationLinks;

    @Inject
    ChatbotStore chatbots;

    @Inject
    InputLimits limits;

    @GET
    @Path("capabilities")
    @Operation(operationId = "getKnowledgeBaseCapabilities", summary = "What uploads this server can read")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeBaseCapabilities")))
    public JsonObject capabilities() {
        return JSON.createObjectBuilder().add("ocr_enabled", false).add("ocr_available", false)
                .add("ocr_languages", JSON.createArrayBuilder())
                .add("supported_file_types", JSON.createArrayBuilder(FileTypes.EXTENSIONS.keySet())).build();
    }

    @GET
    @Operation(operationId = "listKnowledgeBases", summary = "List knowledge bases, optionally of one namespace")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeBaseList")))
    public JsonObject list(@QueryParam("namespace") String namespace) {
        return KnowledgeJson.list("knowledge_bases", store.all(Optional.ofNullable(namespace).filter(s -> !s.isBlank())),
                this::json);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getKnowledgeBase", summary = "Get a knowledge base with its counts")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeBase")))
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonObject get(@PathParam("id") String id) {
        return json(find(id));
    }

    @POST
    @Operation(operationId = "createKnowledgeBase", summary = "Create a knowledge base; its embedding model defaults to the embedding service's")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreateKnowledgeBaseRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeBase")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(String body) {
        KnowledgeBase draft = KnowledgeBaseRequests.create(JsonBodies.fields(body), embeddings.defaultModel());
        KnowledgeBase created = Rejections.conflictAs("A knowledge base with this name already exists in the namespace",
                () -> store.create(draft));
        annotationLinks.knowledgeBaseCreated(created.id());
        return Response.status(Response.Status.CREATED).entity(json(created)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateKnowledgeBase", summary = "Change a knowledge base; the embedding model can change only while it has no chunks")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateKnowledgeBaseRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeBase")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public JsonObject update(@PathParam("id") String id, String body) {
        KnowledgeBase old = find(id);
        KnowledgeBase changed = KnowledgeBaseRequests.update(old, JsonBodies.fields(body));
        boolean modelChanged = !changed.model().equals(old.model());
        if (modelChanged && old.totalChunks() > 0) {
            throw new RequestRejected(409, ErrorCodes.CONFLICT, "The embedding model cannot change while the knowledge base has chunks");
        }
        return json(Rejections.conflictAs("A knowledge base with this name already exists in the namespace",
                () -> store.update(changed, changed.model().dimensions() != old.model().dimensions())));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteKnowledgeBase", summary = "Delete a knowledge base with its documents, chunks and chatbot links")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public Response delete(@PathParam("id") String id) {
        if (!store.delete(find(id).id())) {
            throw Rejections.knowledgeBaseNotFound();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/search")
    @Operation(operationId = "searchKnowledgeBase", summary = "Semantic search: chunks by cosine similarity, best first; \"use_graph\" (extension) adds the chunks of the "
            + "entities the query names, as fluxbase.ai.knowledge.graph-retrieval does by default")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SearchRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SearchResults")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    @APIResponse(responseCode = "502", ref = "EmbeddingFailed")
    public JsonObject search(@PathParam("id") String id, String body) {
        KnowledgeBase kb = find(id);
        JsonFields request = JsonBodies.fields(body);
        String query = request.requiredText("query");
        int maxChunks = request.integer("max_chunks", 1, 100).orElse(DEFAULT_SEARCH_CHUNKS);
        double threshold = request.number("threshold", -1, 1).orElse(DEFAULT_SEARCH_THRESHOLD);
        boolean useGraph = request.bool("use_graph").orElse(search.graphRetrieval());
        List<SearchHit> hits = searchOrFail(kb, query, maxChunks, threshold, useGraph);
        JsonObject results = KnowledgeJson.list("results", hits, KnowledgeJson::hit);
        return JSON.createObjectBuilder(results).add("query", query).add("mode", useGraph ? "semantic+graph" : "semantic").build();
    }

    @GET
    @Path("{id}/chatbots")
    @Operation(operationId = "listKnowledgeBaseChatbots", summary = "The chatbots linked to a knowledge base, as chatbot summaries (the SDK's AIChatbotSummary)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KnowledgeBaseChatbots")))
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonObject chatbots(@PathParam("id") String id) {
        List<Chatbot> linked = links.ofKnowledgeBase(find(id).id()).stream()
                .map(link -> chatbots.find(link.chatbotId())).flatMap(Optional::stream).toList();
        return KnowledgeJson.list("chatbots", linked, chatbot -> ChatbotJson.summary(chatbot).build());
    }

    private List<SearchHit> searchOrFail(KnowledgeBase kb, String query, int maxChunks, double threshold, boolean useGraph) {
        try {
            return search.search(kb, query, maxChunks, threshold, useGraph);
        } catch (KnowledgeException e) {
            throw new RequestRejected(502, ErrorCodes.EMBEDDING_FAILED, "Failed to embed the query: " + e.getMessage());
        }
    }

    private JsonObject json(KnowledgeBase kb) {
        return KnowledgeJson.knowledgeBase(kb, limits.of(kb.model()));
    }

    private KnowledgeBase find(String id) {
        return Ids.parse(id).flatMap(store::find).orElseThrow(Rejections::knowledgeBaseNotFound);
    }
}
