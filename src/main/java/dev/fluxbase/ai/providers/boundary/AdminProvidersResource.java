package dev.fluxbase.ai.providers.boundary;

import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.providers.control.ProviderAdministration;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Provider administration. The provider from configuration has the id {@code FROM_CONFIG} and is read-only. */
@Path("/admin/ai/providers")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Providers")
public class AdminProvidersResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    @Inject
    ProviderAdministration providers;

    @GET
    @Operation(operationId = "listProviders", summary = "List providers: the one from configuration first, then defaults, then by name")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProviderList")))
    public JsonObject list() {
        return ProviderJson.list(providers.list());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getProvider", summary = "Get a provider; the API key is masked")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIProvider")))
    @APIResponse(responseCode = "404", ref = "ProviderNotFound")
    public JsonObject get(@PathParam("id") String id) {
        return ProviderJson.of(providers.get(id));
    }

    @POST
    @Operation(operationId = "createProvider", summary = "Create a provider; its API key is stored encrypted")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreateProviderRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIProvider")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "ProviderConflict")
    public Response create(String body) {
        return Response.status(Response.Status.CREATED)
                .entity(ProviderJson.of(providers.create(ProviderRequests.draft(JsonBodies.fields(body)))))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateProvider", summary = "Change a provider: config is merged key by key, a masked api_key keeps the stored one")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateProviderRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIProvider")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "ProviderForbidden")
    @APIResponse(responseCode = "404", ref = "ProviderNotFound")
    @APIResponse(responseCode = "409", ref = "ProviderConflict")
    public JsonObject update(@PathParam("id") String id, String body) {
        return ProviderJson.of(providers.update(id, ProviderRequests.changes(JsonBodies.fields(body))));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteProvider", summary = "Delete a provider; chatbots that used it fall back to the default")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Deleted")))
    @APIResponse(responseCode = "403", ref = "ProviderForbidden")
    @APIResponse(responseCode = "404", ref = "ProviderNotFound")
    public JsonObject delete(@PathParam("id") String id) {
        providers.delete(id);
        return JSON.createObjectBuilder().add("deleted", true).add("id", id).build();
    }

    @PUT
    @Path("{id}/default")
    @Operation(operationId = "setDefaultProvider", summary = "Make a provider the default")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIProvider")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "ProviderForbidden")
    @APIResponse(responseCode = "404", ref = "ProviderNotFound")
    public JsonObject makeDefault(@PathParam("id") String id) {
        return ProviderJson.of(providers.makeDefault(id));
    }

    @PUT
    @Path("{id}/embedding")
    @Operation(operationId = "useProviderForEmbeddings", summary = "Use a provider for embeddings")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIProvider")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "ProviderForbidden")
    @APIResponse(responseCode = "404", ref = "ProviderNotFound")
    public JsonObject useForEmbeddings(@PathParam("id") String id) {
        return ProviderJson.of(providers.useForEmbeddings(id, true));
    }

    @DELETE
    @Path("{id}/embedding")
    @Operation(operationId = "stopUsingProviderForEmbeddings", summary = "Stop using a provider for embeddings")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AIProvider")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "ProviderForbidden")
    @APIResponse(responseCode = "404", ref = "ProviderNotFound")
    public JsonObject stopUsingForEmbeddings(@PathParam("id") String id) {
        return ProviderJson.of(providers.useForEmbeddings(id, false));
    }
}
