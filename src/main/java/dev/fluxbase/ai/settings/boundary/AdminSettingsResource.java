package dev.fluxbase.ai.settings.boundary;

import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.security.boundary.AdminOnly;
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
 * The system's settings, as the SDK's {@code admin.settings.app} custom and secret setting calls use them. Secrets
 * are answered with their metadata only.
 */
@Path("/admin/settings/custom")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Settings administration")
public class AdminSettingsResource {

    private static final String SYSTEM = null;

    @Inject
    SettingsAdministration settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listSystemSettings", summary = "List the system's settings (not the secrets)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomSettingList")))
    public JsonArray list() {
        return SettingJson.array(settings.list(SYSTEM, false), SettingJson::custom);
    }

    @POST
    @Operation(operationId = "createSystemSetting", summary = "Create a system setting; with is_secret a secret, answered with its metadata")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreateCustomSettingRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreatedSetting")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    @APIResponse(responseCode = "413", ref = "SettingTooLarge")
    public Response create(String body) {
        JsonFields json = JsonBodies.fields(body);
        String key = SettingRequests.key(json);
        JsonObject created = SettingRequests.isSecret(json)
                ? SettingJson.secret(settings.createSecret(SYSTEM, key, SettingRequests.secretFromCustom(json), by()))
                : SettingJson.custom(settings.createPlain(SYSTEM, key, SettingRequests.draft(json), by()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getSystemSetting", summary = "Get a system setting")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomSetting")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public JsonObject get(@PathParam("key") String key) {
        return SettingJson.custom(settings.get(SYSTEM, key, false));
    }

    @PUT
    @Path("{key}")
    @Operation(operationId = "updateSystemSetting", summary = "Change a system setting; 404 when there is none (the SDK then creates it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateCustomSettingRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomSetting")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    @APIResponse(responseCode = "413", ref = "SettingTooLarge")
    public JsonObject update(@PathParam("key") String key, String body) {
        return SettingJson.custom(settings.updatePlain(SYSTEM, key, SettingRequests.draft(JsonBodies.fields(body)), by()));
    }

    @DELETE
    @Path("{key}")
    @Operation(operationId = "deleteSystemSetting", summary = "Delete a system setting")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public Response delete(@PathParam("key") String key) {
        settings.delete(SYSTEM, key, false);
        return Response.noContent().build();
    }

    @GET
    @Path("secrets")
    @Operation(operationId = "listSystemSecrets", summary = "List the system's secrets: metadata only")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretSettingList")))
    public JsonArray listSecrets() {
        return SettingJson.array(settings.list(SYSTEM, true), SettingJson::secret);
    }

    @POST
    @Path("secret")
    @Operation(operationId = "createSystemSecret", summary = "Create a system secret, stored encrypted; answered with its metadata")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreateSecretRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretSettingMetadata")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    @APIResponse(responseCode = "413", ref = "SettingTooLarge")
    public Response createSecret(String body) {
        JsonFields json = JsonBodies.fields(body);
        return Response.status(Response.Status.CREATED)
                .entity(SettingJson.secret(settings.createSecret(SYSTEM, SettingRequests.key(json), SettingRequests.secret(json), by())))
                .build();
    }

    @GET
    @Path("secret/{key}")
    @Operation(operationId = "getSystemSecret", summary = "Get a system secret's metadata; its value is never returned")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretSettingMetadata")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public JsonObject getSecret(@PathParam("key") String key) {
        return SettingJson.secret(settings.get(SYSTEM, key, true));
    }

    @PUT
    @Path("secret/{key}")
    @Operation(operationId = "updateSystemSecret", summary = "Change a system secret's value or description; 404 when there is none")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpdateSecretRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretSettingMetadata")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    @APIResponse(responseCode = "413", ref = "SettingTooLarge")
    public JsonObject updateSecret(@PathParam("key") String key, String body) {
        return SettingJson.secret(settings.updateSecret(SYSTEM, key, SettingRequests.secret(JsonBodies.fields(body)), by()));
    }

    @DELETE
    @Path("secret/{key}")
    @Operation(operationId = "deleteSystemSecret", summary = "Delete a system secret")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public Response deleteSecret(@PathParam("key") String key) {
        settings.delete(SYSTEM, key, true);
        return Response.noContent().build();
    }

    private String by() {
        return caller.get().userId();
    }
}
