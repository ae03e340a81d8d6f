package dev.fluxbase.ai.knowledge.tables.boundary;

import dev.fluxbase.ai.knowledge.boundary.Rejections;
import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.tables.control.TableExporter;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SDK's exportTable: a table's description (and sample rows) as a document of a knowledge base. */
@Path("/admin/ai/knowledge-bases/{kb}/tables")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge bases")
public class TableExportResource {

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    TableExporter exporter;

    @POST
    @Path("export")
    @Operation(operationId = "exportTable", summary = "Export a table as a document (replacing its earlier export) with a table entity and, with foreign keys, "
            + "a relationship per constraint; the document is then chunked and embedded like any other")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ExportTableRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ExportTableResult")))
    @APIResponse(responseCode = "400", ref = "TableExportInvalid")
    @APIResponse(responseCode = "404", ref = "TableNotFound")
    @APIResponse(responseCode = "422", ref = "TableExportFailed")
    public JsonObject export(@PathParam("kb") String kb, String body) {
        KnowledgeBase knowledgeBase = Ids.parse(kb).flatMap(knowledgeBases::find).orElseThrow(Rejections::knowledgeBaseNotFound);
        return TableJson.result(exporter.export(knowledgeBase, TableRequests.export(JsonBodies.fields(body), exporter.maxSampleRows())));
    }
}
