package dev.fluxbase.ai.platform.boundary;

import dev.fluxbase.ai.platform.control.ServerClock;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import dev.fluxbase.ai.platform.entity.MaintenanceRequested;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Hooks for integration tests: move the server's clock and run the periodic jobs at once. They exist
 * only with {@code fluxbase.testing.clock-control=true}; otherwise every path answers 404. Never enable
 * them in production: whoever holds an admin token could reset everyone's limits.
 */
@Path("/admin/ai/testing")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "Testing")
public class TestingResource {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    @Inject
    @ConfigProperty(name = "fluxbase.testing.clock-control", defaultValue = "false")
    boolean enabled;

    @Inject
    ServerClock clock;

    @Inject
    Event<MaintenanceRequested> maintenance;

    @GET
    @Path("clock")
    @Operation(operationId = "getServerClock", summary = "The server's time and its offset from the system clock")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestingClock")))
    @APIResponse(responseCode = "404", ref = "TestingOff")
    public JsonObject clock() {
        requireEnabled();
        return clockJson().build();
    }

    @PUT
    @Path("clock")
    @Operation(operationId = "moveServerClock", summary = "Move the server's clock: {\"offset_seconds\": n} from the system clock (0 resets it)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MoveClockRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestingClock")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "TestingOff")
    public JsonObject moveClock(String body) {
        requireEnabled();
        JsonFields request = JsonBodies.fields(body);
        clock.setOffset(Duration.ofSeconds(request.required("offset_seconds", request::integer)));
        return clockJson().build();
    }

    @POST
    @Path("run-jobs")
    @Operation(operationId = "runPeriodicJobs", summary = "Run every periodic job now (daily rollover, counter purge, conversation expiry, table-export syncs, knowledge-base index check) and wait for it")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestingClock")))
    @APIResponse(responseCode = "404", ref = "TestingOff")
    public JsonObject runJobs() {
        requireEnabled();
        MaintenanceRequested request = new MaintenanceRequested(clock.now());
        maintenance.fire(request);
        JsonObjectBuilder jobs = JSON.createObjectBuilder();
        request.results().forEach(jobs::add);
        return clockJson().add("jobs", jobs).build();
    }

    private JsonObjectBuilder clockJson() {
        return JSON.createObjectBuilder().add("now", clock.now().toString()).add("offset_seconds", clock.offset().toSeconds());
    }

    private void requireEnabled() {
        if (!enabled) {
            throw RequestRejected.notFound(ErrorCodes.NOT_FOUND, "Not Found");
        }
    }
}
