package dev.fluxbase.ai.knowledge.tables.boundary;

import dev.fluxbase.ai.knowledge.boundary.Rejections;
import dev.fluxbase.ai.knowledge.control.KnowledgeBaseStore;
import dev.fluxbase.ai.knowledge.entity.KnowledgeBase;
import dev.fluxbase.ai.knowledge.tables.control.SyncConfigStore;
import dev.fluxbase.ai.knowledge.tables.control.TableExportSyncs;
import dev.fluxbase.ai.knowledge.tables.control.TableExporter;
import dev.fluxbase.ai.knowledge.tables.entity.ExportOptions;
import dev.fluxbase.ai.knowledge.tables.entity.SyncConfig;
import dev.fluxbase.ai.platform.boundary.Ids;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SDK's table-export syncs: exports kept up to date on demand ({@code trigger}) or every so many minutes. */
@Path("/admin/ai/knowledge-bases/{kb}/sync-configs")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge bases")
public class TableExportSyncsResource {

    private static final Logger LOG = Logger.getLogger(TableExportSyncsResource.class.getName());

    @Inject
    KnowledgeBaseStore knowledgeBases;

    @Inject
    SyncConfigStore configs;

    @Inject
    TableExporter exporter;

    @Inject
    TableExportSyncs syncs;

    @GET
    @Operation(operationId = "listSyncConfigs", summary = "The knowledge base's sync configurations, newest first")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SyncConfigList")))
    @APIResponse(responseCode = "404", ref = "KnowledgeBaseNotFound")
    public JsonObject list(@PathParam("kb") String kb) {
        List<SyncConfig> all = configs.all(knowledgeBase(kb).id());
        return JsonFactories.PROVIDER.createObjectBuilder().add("sync_configs", TableJson.array(all, TableJson::config))
                .add("count", all.size()).build();
    }

    @POST
    @Operation(operationId = "createSyncConfig", summary = "Create a sync configuration for a table (one per table); export_now exports it at once")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreateSyncConfigRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SyncConfig")))
    @APIResponse(responseCode = "400", ref = "TableExportInvalid")
    @APIResponse(responseCode = "404", ref = "TableNotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@PathParam("kb") String kb, String body) {
        KnowledgeBase knowledgeBase = knowledgeBase(kb);
        JsonFields request = JsonBodies.fields(body);
        ExportOptions options = TableRequests.createSync(request, exporter.maxSampleRows());
        Optional<String> changeColumn = TableRequests.changeColumn(request);
        exporter.check(options, changeColumn);
        SyncConfig created = Rejections.conflictAs("The knowledge base already has a sync configuration for this table",
                () -> configs.create(knowledgeBase.id(), options, TableRequests.interval(request), changeColumn));
        if (request.bool("export_now").orElse(false)) {
            exportNow(created);
        }
        return Response.status(Response.Status.CREATED).entity(TableJson.config(find(knowledgeBase, created.id().toString()))).build();
    }

    @PATCH
    @Path("{id}")
    @Operation(operationId = "updateSyncConfig", summary = "Change a sync configuration's columns, flags, interval, role or change column")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateSyncConfigRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SyncConfig")))
    @APIResponse(responseCode = "400", ref = "TableExportInvalid")
    @APIResponse(responseCode = "404", ref = "SyncConfigNotFound")
    public JsonObject update(@PathParam("kb") String kb, @PathParam("id") String id, String body) {
        SyncConfig changed = TableRequests.updateSync(find(knowledgeBase(kb), id), JsonBodies.fields(body), exporter.maxSampleRows());
        exporter.check(changed.options(), changed.changeColumn());
        return TableJson.config(configs.update(changed));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSyncConfig", summary = "Delete a sync configuration; the document it exported stays")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "404", ref = "SyncConfigNotFound")
    public Response delete(@PathParam("kb") String kb, @PathParam("id") String id) {
        SyncConfig config = find(knowledgeBase(kb), id);
        if (!configs.delete(config.knowledgeBaseId(), config.id())) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/trigger")
    @Operation(operationId = "triggerSyncConfig", summary = "Sync now: export the table again if it changed (last_sync_status success), else keep the document "
            + "(unchanged); a failure is recorded as last_sync_status failed and answered with its reason")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ExportTableResult")))
    @APIResponse(responseCode = "400", ref = "TableExportInvalid")
    @APIResponse(responseCode = "404", ref = "SyncConfigNotFound")
    @APIResponse(responseCode = "422", ref = "TableExportFailed")
    public JsonObject trigger(@PathParam("kb") String kb, @PathParam("id") String id) {
        return TableJson.result(syncs.trigger(find(knowledgeBase(kb), id)));
    }

    /** As Fluxbase: the configuration exists even when its first export fails, and says why in last_sync_error. */
    private void exportNow(SyncConfig created) {
        try {
            syncs.trigger(created);
        } catch (RuntimeException e) {
            LOG.info(() -> "The first export of sync " + created.id() + " failed: " + e.getMessage());
        }
    }

    private KnowledgeBase knowledgeBase(String id) {
        return Ids.parse(id).flatMap(knowledgeBases::find).orElseThrow(Rejections::knowledgeBaseNotFound);
    }

    private SyncConfig find(KnowledgeBase kb, String id) {
        return Ids.parse(id).flatMap(uuid -> configs.find(kb.id(), uuid)).orElseThrow(TableExportSyncsResource::notFound);
    }

    private static RequestRejected notFound() {
        return RequestRejected.notFound(ErrorCodes.SYNC_CONFIG_NOT_FOUND, "Sync configuration not found");
    }
}
