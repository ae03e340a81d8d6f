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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own plain settings, as the SDK's {@code client.settings} calls them, with the system's settings as
 * their defaults. Every call reads or writes the caller's settings only: no path or body names another user.
 */
@Path("/settings/user")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "User settings")
public class UserSettingsResource {

    @Inject
    SettingsAdministration settings;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("list")
    @Operation(summary = "List the caller's own settings (not the system's, not secrets)")
    public JsonArray list() {
        return SettingJson.array(settings.list(user(), false), SettingJson::user);
    }

    @GET
    @Path("own/{key}")
    @Operation(summary = "Get the caller's own setting, without the system's as fallback")
    public JsonObject own(@PathParam("key") String key) {
        return SettingJson.user(settings.get(user(), key, false));
    }

    @GET
    @Path("system/{key}")
    @Operation(summary = "Get the system's setting, whatever the caller set")
    public JsonObject system(@PathParam("key") String key) {
        return SettingJson.keyAndValue(settings.get(null, key, false));
    }

    @GET
    @Path("{key}")
    @Operation(summary = "Get the caller's setting, else the system's; source says which")
    public JsonObject get(@PathParam("key") String key) {
        return SettingJson.withSource(settings.effective(user(), key).orElseThrow(
                () -> RequestRejected.notFound(ErrorCodes.SETTING_NOT_FOUND, "Setting not found: " + key)));
    }

    @PUT
    @Path("{key}")
    @Operation(summary = "Set the caller's own setting (create or update)")
    public JsonObject set(@PathParam("key") String key, String body) {
        String user = user();
        return SettingJson.user(settings.putPlain(user, key, SettingRequests.userDraft(JsonBodies.fields(body)), user));
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Delete the caller's own setting; the system's applies again")
    public Response delete(@PathParam("key") String key) {
        settings.delete(user(), key, false);
        return Response.noContent().build();
    }

    private String user() {
        return SettingsUser.of(caller.get());
    }
}
