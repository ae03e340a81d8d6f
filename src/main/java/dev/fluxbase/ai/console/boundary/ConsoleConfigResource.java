package dev.fluxbase.ai.console.boundary;

import dev.fluxbase.ai.console.control.ConsoleSignInSettings;
import dev.fluxbase.ai.console.entity.ConsoleSignIn;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the web console asks before anyone signed in: the identity provider it offers, if any. Public, and holds no secret. */
@Path("/ai/console/config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleConfigResource {

    @Inject
    ConsoleSignInSettings settings;

    @GET
    @Operation(operationId = "getConsoleConfig", summary = "The console's sign-in: the OpenID Connect issuer, public client id and scopes, or oidc null")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsoleConfig")))
    public JsonObject config() {
        return json(settings.signIn());
    }

    static JsonObject json(Optional<ConsoleSignIn> signIn) {
        JsonValue oidc = signIn.<JsonValue>map(s -> JsonFactories.PROVIDER.createObjectBuilder()
                .add("issuer", s.issuer())
                .add("client_id", s.clientId())
                .add("scope", s.scope())
                .add("name", s.name())
                .build()).orElse(JsonValue.NULL);
        return JsonFactories.PROVIDER.createObjectBuilder().add("oidc", oidc).build();
    }
}
