package dev.fluxbase.ai.knowledge.boundary;

import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SDK's table details for knowledge-base exports: not implemented yet, answered 501 in JSON. */
@Path("/admin/ai/tables")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Knowledge bases")
public class AdminTablesResource {

    @GET
    @Path("{path: .*}")
    @Operation(summary = "Table details for exports: not implemented")
    public Response details() {
        throw Rejections.notImplemented();
    }
}
