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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Provider administration. The provider from configuration has the id {@code FROM_CONFIG} and is read-only. */
@Path("/admin/ai/providers")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Provider administration")
public class AdminProvidersResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    @Inject
    ProviderAdministration providers;

    @GET
    @Operation(summary = "List providers: the one from configuration first, then defaults, then by name")
    public JsonObject list() {
        return ProviderJson.list(providers.list());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a provider; the API key is masked")
    public JsonObject get(@PathParam("id") String id) {
        return ProviderJson.of(providers.get(id));
    }

    @POST
    @Operation(summary = "Create a provider; its API key is stored encrypted")
    public Response create(String body) {
        return Response.status(Response.Status.CREATED)
                .entity(ProviderJson.of(providers.create(ProviderRequests.draft(JsonBodies.fields(body)))))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a provider: config is merged key by key, a masked api_key keeps the stored one")
    public JsonObject update(@PathParam("id") String id, String body) {
        return ProviderJson.of(providers.update(id, ProviderRequests.changes(JsonBodies.fields(body))));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a provider; chatbots that used it fall back to the default")
    public JsonObject delete(@PathParam("id") String id) {
        providers.delete(id);
        return JSON.createObjectBuilder().add("deleted", true).add("id", id).build();
    }

    @PUT
    @Path("{id}/default")
    @Operation(summary = "Make a provider the default")
    public JsonObject makeDefault(@PathParam("id") String id) {
        return ProviderJson.of(providers.makeDefault(id));
    }

    @PUT
    @Path("{id}/embedding")
    @Operation(summary = "Use a provider for embeddings")
    public JsonObject useForEmbeddings(@PathParam("id") String id) {
        return ProviderJson.of(providers.useForEmbeddings(id, true));
    }

    @DELETE
    @Path("{id}/embedding")
    @Operation(summary = "Stop using a provider for embeddings")
    public JsonObject stopUsingForEmbeddings(@PathParam("id") String id) {
        return ProviderJson.of(providers.useForEmbeddings(id, false));
    }
}
