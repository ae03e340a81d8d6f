package dev.fluxbase.ai.rlschecks.boundary;

import dev.fluxbase.ai.platform.boundary.JsonBodies;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.rlschecks.control.RlsCheckAdministration;
import dev.fluxbase.ai.security.boundary.AdminOnly;
import dev.fluxbase.ai.security.boundary.CurrentCaller;
import dev.fluxbase.ai.security.entity.Caller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A chatbot's row-level security regression checks: stored question → expected-visibility checks, run on demand as
 * the users they impersonate.
 */
@Path("/admin/ai/chatbots/{chatbotId}/rls-checks")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@Tag(name = "RLS checks")
public class AdminRlsChecksResource {

    @Inject
    RlsCheckAdministration checks;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List the chatbot's checks, each with its latest run, and a summary (failed, error, never_run)")
    public JsonObject list(@PathParam("chatbotId") String chatbotId) {
        return RlsCheckJson.list(checks.list(chatbotId));
    }

    @POST
    @Operation(summary = "Add a check: name, sql (or audit_id of a recorded query), question, owner_column, "
            + "expect (own_rows, no_rows, not_owned_by), users [{user_id, role, claims}], forbidden_owners")
    public Response create(@PathParam("chatbotId") String chatbotId, String body) {
        return Response.status(Response.Status.CREATED)
                .entity(RlsCheckJson.of(checks.create(chatbotId, RlsCheckJson.input(JsonBodies.fields(body))))).build();
    }

    @GET
    @Path("recorded")
    @Operation(summary = "The chatbot's latest successful queries from the SQL audit log, each with the question that led to it")
    public JsonObject recorded(@PathParam("chatbotId") String chatbotId, @QueryParam("limit") @DefaultValue("50") int limit) {
        return RlsCheckJson.recorded(checks.recorded(chatbotId, limit));
    }

    @POST
    @Path("run")
    @Operation(summary = "Run every check of the chatbot now, as the users each impersonates; answers the checks with their new results")
    public JsonObject runAll(@PathParam("chatbotId") String chatbotId) {
        return RlsCheckJson.list(checks.runAll(chatbotId, ranBy()));
    }

    @GET
    @Path("{checkId}")
    @Operation(summary = "Get a check with its latest run")
    public JsonObject get(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId) {
        return RlsCheckJson.of(checks.get(chatbotId, checkId));
    }

    @PUT
    @Path("{checkId}")
    @Operation(summary = "Change a check; fields left out stay; its latest result is cleared until it runs again")
    public JsonObject update(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId, String body) {
        return RlsCheckJson.of(checks.update(chatbotId, checkId, RlsCheckJson.input(JsonBodies.fields(body))));
    }

    @DELETE
    @Path("{checkId}")
    @Operation(summary = "Delete a check with its run history")
    public JsonObject delete(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId) {
        checks.delete(chatbotId, checkId);
        return JsonFactories.PROVIDER.createObjectBuilder().add("deleted", true).add("id", checkId).build();
    }

    @POST
    @Path("{checkId}/run")
    @Operation(summary = "Run one check now; answers its result")
    public JsonObject run(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId) {
        return RlsCheckJson.verdict(checks.run(chatbotId, checkId, ranBy()));
    }

    @GET
    @Path("{checkId}/runs")
    @Operation(summary = "A check's runs, newest first")
    public JsonObject runs(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return RlsCheckJson.runs(checks.runs(chatbotId, checkId, limit));
    }

    private String ranBy() {
        Caller who = caller.get();
        return who.userId() != null ? who.userId() : who.role();
    }
}
