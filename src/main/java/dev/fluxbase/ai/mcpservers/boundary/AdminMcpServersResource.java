package dev.fluxbase.ai.mcpservers.boundary;

import dev.fluxbase.ai.mcpservers.control.McpServerAdministration;
import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFactories;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** MCP servers whose tools chatbots use ({@code @fluxbase:mcp-servers}); registering one is an admin's decision. */
@Path("/admin/ai/mcp-servers")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "MCP servers")
public class AdminMcpServersResource {

    @Inject
    McpServerAdministration servers;

    @GET
    @Operation(operationId = "listMcpServers", summary = "List the registered MCP servers by name; auth header values are never returned")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "McpServerList")))
    public JsonObject list() {
        return McpServerJson.list(servers.list());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMcpServer", summary = "Get a registered MCP server")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "McpServer")))
    @APIResponse(responseCode = "404", ref = "McpServerNotFound")
    public JsonObject get(@PathParam("id") String id) {
        return McpServerJson.of(servers.get(id));
    }

    @POST
    @Operation(operationId = "createMcpServer", summary = "Register an MCP server (streamable HTTP): name, url, auth_header_name and auth_header_value (stored encrypted), "
            + "allowed_tools (empty: none, [\"*\"]: all), enabled, connect_timeout_ms, call_timeout_ms; the URL must pass http_get's rules")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "McpServerRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "McpServer")))
    @APIResponse(responseCode = "400", ref = "McpServerInvalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(String body) {
        return Response.status(Response.Status.CREATED).entity(McpServerJson.of(servers.create(McpServerJson.input(JsonBodies.fields(body)))))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateMcpServer", summary = "Change a registered MCP server: fields left out stay; auth_header_value \"\" removes the header")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "McpServerRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "McpServer")))
    @APIResponse(responseCode = "400", ref = "McpServerInvalid")
    @APIResponse(responseCode = "404", ref = "McpServerNotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public JsonObject update(@PathParam("id") String id, String body) {
        return McpServerJson.of(servers.update(id, McpServerJson.input(JsonBodies.fields(body))));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteMcpServer", summary = "Delete a registered MCP server; chatbots that name it go on without its tools")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Deleted")))
    @APIResponse(responseCode = "404", ref = "McpServerNotFound")
    public JsonObject delete(@PathParam("id") String id) {
        servers.delete(id);
        return JsonFactories.PROVIDER.createObjectBuilder().add("deleted", true).add("id", id).build();
    }

    @GET
    @Path("{id}/tools")
    @Operation(operationId = "listMcpServerTools", summary = "Ask the server for its tools now, each with whether chatbots may use it (allowed_tools)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "McpToolList")))
    @APIResponse(responseCode = "404", ref = "McpServerNotFound")
    @APIResponse(responseCode = "502", ref = "McpServerUnavailable")
    public JsonObject tools(@PathParam("id") String id) {
        return McpServerJson.tools(servers.get(id), servers.tools(id));
    }
}
