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
    @Operation(summary = "List the registered MCP servers by name; auth header values are never returned")
    public JsonObject list() {
        return McpServerJson.list(servers.list());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a registered MCP server")
    public JsonObject get(@PathParam("id") String id) {
        return McpServerJson.of(servers.get(id));
    }

    @POST
    @Operation(summary = "Register an MCP server (streamable HTTP): name, url, auth_header_name and auth_header_value (stored encrypted), "
            + "allowed_tools (empty: none, [\"*\"]: all), enabled, connect_timeout_ms, call_timeout_ms; the URL must pass http_get's rules")
    public Response create(String body) {
        return Response.status(Response.Status.CREATED).entity(McpServerJson.of(servers.create(McpServerJson.input(JsonBodies.fields(body)))))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a registered MCP server: fields left out stay; auth_header_value \"\" removes the header")
    public JsonObject update(@PathParam("id") String id, String body) {
        return McpServerJson.of(servers.update(id, McpServerJson.input(JsonBodies.fields(body))));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a registered MCP server; chatbots that name it go on without its tools")
    public JsonObject delete(@PathParam("id") String id) {
        servers.delete(id);
        return JsonFactories.PROVIDER.createObjectBuilder().add("deleted", true).add("id", id).build();
    }

    @GET
    @Path("{id}/tools")
    @Operation(summary = "Ask the server for its tools now, each with whether chatbots may use it (allowed_tools)")
    public JsonObject tools(@PathParam("id") String id) {
        return McpServerJson.tools(servers.get(id), servers.tools(id));
    }
}
