package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.knowledge.control.DocumentStore;
import dev.fluxbase.ai.knowledge.control.Ingestion;
import dev.fluxbase.ai.knowledge.control.UploadSettings;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.entity.KnowledgeDocument;
import dev.fluxbase.ai.knowledge.entity.KnowledgePermission;
import dev.fluxbase.ai.knowledge.entity.NewDocument;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.security.boundary.Authenticated;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * A signed-in user's own documents in a knowledge base (Fluxbase's user document routes). A document added here
 * belongs to the caller: its {@code metadata.user_id} is the token's user whatever the body says. Users see and
 * delete only their own documents; another user's answers the same 404 as an unknown one.
 */
@Path("/ai/knowledge-bases/{kb}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Knowledge bases (users)")
public class UserDocumentsResource {

    @Inject
    UserKnowledgeAccess access;

    @Inject
    DocumentStore documents;

    @Inject
    Ingestion ingestion;

    @Inject
    UploadSettings uploads;

    @GET
    @Operation(operationId = "listMyDocuments", summary = "The caller's documents in the knowledge base, newest first (viewer)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DocumentList")))
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    public JsonObject list(@PathParam("kb") String kb) {
        KnowledgeBase knowledgeBase = access.require(kb, KnowledgePermission.VIEWER, "Access denied");
        return KnowledgeJson.list("documents", documents.ownedBy(knowledgeBase.id(), access.userId()), KnowledgeJson::document);
    }

    @GET
    @Path("{doc}")
    @Operation(operationId = "getMyDocument", summary = "One of the caller's documents (viewer)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Document")))
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    @APIResponse(responseCode = "404", ref = "DocumentNotFound")
    public JsonObject get(@PathParam("kb") String kb, @PathParam("doc") String doc) {
        return KnowledgeJson.document(own(access.require(kb, KnowledgePermission.VIEWER, "Access denied"), doc));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(operationId = "addMyDocument", summary = "Add a document as text, owned by the caller (editor); the caller's one with the same source is replaced")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AddDocumentRequest")))
    @APIResponse(responseCode = "202", description = "Accepted: chunking and embedding follow in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DocumentAccepted")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    @APIResponse(responseCode = "413", ref = "DocumentTooLarge")
    public Response add(@PathParam("kb") String kb, String body) {
        KnowledgeBase knowledgeBase = access.require(kb, KnowledgePermission.EDITOR, "Editor permission required to add documents");
        return accepted(knowledgeBase, DocumentRequests.add(JsonBodies.fields(body)).ownedBy(access.userId()));
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadMyDocument", summary = "Upload a file, owned by the caller (editor); the same types and limits as the admin upload")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "DocumentUpload")))
    @APIResponse(responseCode = "202", description = "Accepted: chunking and embedding follow in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DocumentAccepted")))
    @APIResponse(responseCode = "400", ref = "UploadInvalid")
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    @APIResponse(responseCode = "413", ref = "DocumentTooLarge")
    public Response upload(@PathParam("kb") String kb, List<EntityPart> parts) {
        KnowledgeBase knowledgeBase = access.require(kb, KnowledgePermission.EDITOR, "Editor permission required to upload documents");
        Upload upload = Upload.of(parts, uploads.limits());
        return accepted(knowledgeBase, upload.document().ownedBy(access.userId()));
    }

    @DELETE
    @Path("{doc}")
    @Operation(operationId = "deleteMyDocument", summary = "Delete one of the caller's documents with its chunks (editor)")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "403", ref = "KnowledgeBaseForbidden")
    @APIResponse(responseCode = "404", ref = "DocumentNotFound")
    public Response delete(@PathParam("kb") String kb, @PathParam("doc") String doc) {
        KnowledgeBase knowledgeBase = access.require(kb, KnowledgePermission.EDITOR, "Editor permission required to delete documents");
        KnowledgeDocument document = own(knowledgeBase, doc);
        if (!documents.deleteOwned(knowledgeBase.id(), document.id(), access.userId())) {
            throw Rejections.documentNotFound();
        }
        return Response.noContent().build();
    }

    private Response accepted(KnowledgeBase kb, NewDocument document) {
        UUID id = documents.addOrReplace(kb.id(), document);
        ingestion.submit(kb, id);
        return Response.accepted(DocumentsResource.accepted(id).build()).build();
    }

    private KnowledgeDocument own(KnowledgeBase kb, String id) {
        return Ids.parse(id).flatMap(uuid -> documents.findOwned(kb.id(), uuid, access.userId())).orElseThrow(Rejections::documentNotFound);
    }
}
