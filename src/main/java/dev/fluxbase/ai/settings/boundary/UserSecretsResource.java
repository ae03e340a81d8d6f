package dev.fluxbase.ai.settings.boundary;

import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.security.boundary.Authenticated;
import dev.fluxbase.ai.security.boundary.CurrentCaller;
import dev.fluxbase.ai.settings.control.SettingsAdministration;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
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

/**
 * The caller's own secrets, as the SDK's {@code client.settings.*Secret*} calls them: stored encrypted, answered
 * with their metadata only, and only ever the caller's.
 */
@Path("/settings/secret")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Settings")
public class UserSecretsResource {

    @Inject
    SettingsAdministration settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listOwnSecrets", summary = "List the caller's secrets: metadata only")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretSettingList")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public JsonArray list() {
        return SettingJson.array(settings.list(user(), true), SettingJson::secret);
    }

    @POST
    @Operation(operationId = "createOwnSecret", summary = "Create a secret of the caller's, stored encrypted; answered with its metadata")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreateSecretRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretSettingMetadata")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    @APIResponse(responseCode = "413", ref = "SettingTooLarge")
    public Response create(String body) {
        String user = user();
        JsonFields json = JsonBodies.fields(body);
        return Response.status(Response.Status.CREATED)
                .entity(SettingJson.secret(settings.createSecret(user, SettingRequests.key(json), SettingRequests.secret(json), user)))
                .build();
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getOwnSecret", summary = "Get a secret's metadata; its value is never returned")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretSettingMetadata")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public JsonObject get(@PathParam("key") String key) {
        return SettingJson.secret(settings.get(user(), key, true));
    }

    @PUT
    @Path("{key}")
    @Operation(operationId = "updateOwnSecret", summary = "Change a secret's value or description; 404 when there is none (the SDK then creates it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateSecretRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretSettingMetadata")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    @APIResponse(responseCode = "413", ref = "SettingTooLarge")
    public JsonObject update(@PathParam("key") String key, String body) {
        String user = user();
        return SettingJson.secret(settings.updateSecret(user, key, SettingRequests.secret(JsonBodies.fields(body)), user));
    }

    @DELETE
    @Path("{key}")
    @Operation(operationId = "deleteOwnSecret", summary = "Delete a secret of the caller's")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public Response delete(@PathParam("key") String key) {
        settings.delete(user(), key, true);
        return Response.noContent().build();
    }

    private String user() {
        return SettingsUser.of(caller.get());
    }
}
