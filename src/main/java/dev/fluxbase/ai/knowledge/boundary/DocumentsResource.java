package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.DocumentStore;
import dev.fluxbase.ai.knowledge.control.Ingestion;
import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.control.UploadSettings;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.MetadataFilter;
import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Documents of a knowledge base. Adding one answers 202 at once; chunking and embedding follow in the background. */
@Path("/admin/ai/knowledge-bases/{kb}/documents")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge bases")
public class DocumentsResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    DocumentStore documents;

    @Inject
    Ingestion ingestion;

    @Inject
    UploadSettings uploads;

    @GET
    @Operation(operationId = "listDocuments", summary = "List documents, newest first")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DocumentList")))
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonObject list(@PathParam("kb") String kb) {
        return KnowledgeJson.list("documents", documents.all(knowledgeBase(kb).id()), KnowledgeJson::document);
    }

    @GET
    @Path("{doc}")
    @Operation(operationId = "getDocument", summary = "Get a document with its status and, when it failed, the reason")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Document")))
    @APIResponse(responseCode = "404", ref = "DocumentNotFound")
    public JsonObject get(@PathParam("kb") String kb, @PathParam("doc") String doc) {
        return KnowledgeJson.document(document(knowledgeBase(kb), doc));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(operationId = "addDocument", summary = "Add a document as text; one with the same source is replaced")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AddDocumentRequest")))
    @APIResponse(responseCode = "202", description = "Accepted: chunking and embedding follow in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DocumentAccepted")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    @APIResponse(responseCode = "413", ref = "DocumentTooLarge")
    public Response add(@PathParam("kb") String kb, String body) {
        KnowledgeBase knowledgeBase = knowledgeBase(kb);
        NewDocument document = DocumentRequests.add(JsonBodies.fields(body));
        UUID id = documents.addOrReplace(knowledgeBase.id(), document);
        ingestion.submit(knowledgeBase, id);
        return Response.accepted(accepted(id).build()).build();
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadDocument", summary = "Upload a file (text, Markdown, CSV, JSON, HTML, PDF, Word, Excel, PowerPoint, OpenDocument text, RTF, EPUB, "
            + "e-mail); one with the same file name is replaced. Past a size limit 413 DOCUMENT_TOO_LARGE, of an unknown type 400 "
            + "UNSUPPORTED_FILE_TYPE")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "DocumentUpload")))
    @APIResponse(responseCode = "202", description = "Accepted: chunking and embedding follow in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UploadAccepted")))
    @APIResponse(responseCode = "400", ref = "UploadInvalid")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    @APIResponse(responseCode = "413", ref = "DocumentTooLarge")
    public Response upload(@PathParam("kb") String kb, List<EntityPart> parts) {
        KnowledgeBase knowledgeBase = knowledgeBase(kb);
        Upload upload = Upload.of(parts, uploads.limits());
        UUID id = documents.addOrReplace(knowledgeBase.id(), upload.document());
        ingestion.submit(knowledgeBase, id);
        return Response.accepted(accepted(id).add("filename", upload.fileName()).add("extracted_length", upload.text().length())
                .add("mime_type", upload.mimeType()).build()).build();
    }

    @PATCH
    @Path("{doc}")
    @Operation(operationId = "updateDocument", summary = "Change a document's title, tags or metadata (tags and metadata replace the old values)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateDocumentRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Document")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "DocumentNotFound")
    public JsonObject update(@PathParam("kb") String kb, @PathParam("doc") String doc, String body) {
        KnowledgeDocument document = document(knowledgeBase(kb), doc);
        JsonFields changes = JsonBodies.fields(body);
        return KnowledgeJson.document(documents.update(document.knowledgeBaseId(), document.id(), changes.text("title").orElse(null),
                changes.strings("tags").orElse(null), changes.object("metadata").map(JsonObject::toString).orElse(null))
                .orElseThrow(Rejections::documentNotFound));
    }

    @DELETE
    @Path("{doc}")
    @Operation(operationId = "deleteDocument", summary = "Delete a document with its chunks")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "404", ref = "DocumentNotFound")
    public Response delete(@PathParam("kb") String kb, @PathParam("doc") String doc) {
        KnowledgeDocument document = document(knowledgeBase(kb), doc);
        if (!documents.delete(document.knowledgeBaseId(), document.id())) {
            throw Rejections.documentNotFound();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("delete-by-filter")
    @Operation(operationId = "deleteDocumentsByFilter", summary = "Delete the documents having all the given tags, the given metadata values and matching metadata_filter")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeleteDocumentsRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeletedCount")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonObject deleteByFilter(@PathParam("kb") String kb, String body) {
        KnowledgeBase knowledgeBase = knowledgeBase(kb);
        JsonFields filter = JsonBodies.fields(body);
        List<String> tags = filter.strings("tags").orElse(List.of());
        String metadata = filter.object("metadata").map(JsonObject::toString).orElse("{}");
        MetadataFilter conditions = metadataFilter(filter);
        if (tags.isEmpty() && "{}".equals(metadata) && conditions.isEmpty()) {
            throw RequestRejected.badRequest("Invalid request body: give \"tags\", \"metadata\" or \"metadata_filter\" to match; "
                    + "an empty filter would delete everything");
        }
        return JSON.createObjectBuilder().add("deleted_count", documents.deleteMatching(knowledgeBase.id(), tags, metadata, conditions)).build();
    }

    private static MetadataFilter metadataFilter(JsonFields body) {
        try {
            return body.object("metadata_filter").map(MetadataFilter::of).orElse(MetadataFilter.NONE);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.badRequest(e.getMessage());
        }
    }

    static JsonObjectBuilder accepted(UUID id) {
        return JSON.createObjectBuilder().add("document_id", id.toString()).add("status", KnowledgeDocument.PENDING)
                .add("message", "Document is being processed and will be available shortly");
    }

    private KnowledgeBase knowledgeBase(String id) {
        return Ids.parse(id).flatMap(knowledgeBases::find).orElseThrow(Rejections::knowledgeBaseNotFound);
    }

    private KnowledgeDocument document(KnowledgeBase kb, String id) {
        return Ids.parse(id).flatMap(uuid -> documents.find(kb.id(), uuid)).orElseThrow(Rejections::documentNotFound);
    }
}
