package dev.fluxbase.ai.settings.boundary;

import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.Authenticated;
import dev.fluxbase.ai.security.boundary.CurrentCaller;
import dev.fluxbase.ai.settings.control.SettingsAdministration;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
 * The caller's own plain settings, as the SDK's {@code client.settings} calls them, with the system's settings as
 * their defaults. Every call reads or writes the caller's settings only: no path or body names another user.
 */
@Path("/settings/user")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Settings")
public class UserSettingsResource {

    @Inject
    SettingsAdministration settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("list")
    @Operation(operationId = "listOwnSettings", summary = "List the caller's own settings (not the system's, not secrets)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSettingList")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public JsonArray list() {
        return SettingJson.array(settings.list(user(), false), SettingJson::user);
    }

    @GET
    @Path("own/{key}")
    @Operation(operationId = "getOwnSetting", summary = "Get the caller's own setting, without the system's as fallback")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSetting")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public JsonObject own(@PathParam("key") String key) {
        return SettingJson.user(settings.get(user(), key, false));
    }

    @GET
    @Path("system/{key}")
    @Operation(operationId = "getSystemSettingValue", summary = "Get the system's setting, whatever the caller set")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SettingValue")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public JsonObject system(@PathParam("key") String key) {
        return SettingJson.keyAndValue(settings.get(null, key, false));
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getEffectiveSetting", summary = "Get the caller's setting, else the system's; source says which")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSettingWithSource")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    public JsonObject get(@PathParam("key") String key) {
        return SettingJson.withSource(settings.effective(user(), key).orElseThrow(
                () -> RequestRejected.notFound(ErrorCodes.SETTING_NOT_FOUND, "Setting not found: " + key)));
    }

    @PUT
    @Path("{key}")
    @Operation(operationId = "setOwnSetting", summary = "Set the caller's own setting (create or update)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSettingRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserSetting")))
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    @APIResponse(responseCode = "413", ref = "SettingTooLarge")
    public JsonObject set(@PathParam("key") String key, String body) {
        String user = user();
        return SettingJson.user(settings.putPlain(user, key, SettingRequests.userDraft(JsonBodies.fields(body)), user));
    }

    @DELETE
    @Path("{key}")
    @Operation(operationId = "deleteOwnSetting", summary = "Delete the caller's own setting; the system's applies again")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "400", ref = "SettingRequestInvalid")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SettingNotFound")
    @APIResponse(responseCode = "409", ref = "SettingConflict")
    public Response delete(@PathParam("key") String key) {
        settings.delete(user(), key, false);
        return Response.noContent().build();
    }

    private String user() {
        return SettingsUser.of(caller.get());
    }
}
