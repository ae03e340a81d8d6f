package dev.fluxbase.ai.knowledge.tables.boundary;

import dev.fluxbase.ai.knowledge.tables.control.TableExporter;
import dev.fluxbase.ai.knowledge.tables.entity.TableName;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SDK's getTableDetails: a table as the export role sees it, for choosing what to export. */
@Path("/admin/ai/tables")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge bases")
public class AdminTablesResource {

    @Inject
    TableExporter exporter;

    @GET
    @Path("{schema}/{table}")
    @Operation(operationId = "getTableDetails", summary = "Columns, keys, indexes, comments and row estimate of a table, as the export role (?role=, else the "
            + "configured one) sees it; 404 TABLE_NOT_FOUND when it may not read the table")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TableDetails")))
    @APIResponse(responseCode = "400", ref = "TableExportInvalid")
    @APIResponse(responseCode = "404", ref = "TableNotFound")
    public JsonObject details(@PathParam("schema") String schema, @PathParam("table") String table, @QueryParam("role") String role) {
        return TableJson.details(exporter.details(new TableName(schema, table), Optional.ofNullable(role).filter(r -> !r.isBlank())));
    }
}
