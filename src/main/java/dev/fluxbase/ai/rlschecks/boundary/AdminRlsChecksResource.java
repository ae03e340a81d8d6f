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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "listRlsChecks", summary = "List the chatbot's checks, each with its latest run, and a summary (failed, error, never_run)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheckList")))
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject list(@PathParam("chatbotId") String chatbotId) {
        return RlsCheckJson.list(checks.list(chatbotId));
    }

    @POST
    @Operation(operationId = "createRlsCheck", summary = "Add a check: name, sql (or audit_id of a recorded query), question, owner_column, "
            + "expect (own_rows, no_rows, not_owned_by), users [{user_id, role, claims}], forbidden_owners")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheckRequest")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheck")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "RecordedQueryNotFound")
    @APIResponse(responseCode = "409", ref = "RlsCheckExists")
    public Response create(@PathParam("chatbotId") String chatbotId, String body) {
        return Response.status(Response.Status.CREATED)
                .entity(RlsCheckJson.of(checks.create(chatbotId, RlsCheckJson.input(JsonBodies.fields(body))))).build();
    }

    @GET
    @Path("recorded")
    @Operation(operationId = "listRecordedQueries", summary = "The chatbot's latest successful queries from the SQL audit log, each with the question that led to it")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RecordedQueryList")))
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject recorded(@PathParam("chatbotId") String chatbotId, @QueryParam("limit") @DefaultValue("50") int limit) {
        return RlsCheckJson.recorded(checks.recorded(chatbotId, limit));
    }

    @POST
    @Path("run")
    @Operation(operationId = "runRlsChecks", summary = "Run every check of the chatbot now, as the users each impersonates; answers the checks with their new results")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheckList")))
    @APIResponse(responseCode = "404", ref = "ChatbotNotFound")
    public JsonObject runAll(@PathParam("chatbotId") String chatbotId) {
        return RlsCheckJson.list(checks.runAll(chatbotId, ranBy()));
    }

    @GET
    @Path("{checkId}")
    @Operation(operationId = "getRlsCheck", summary = "Get a check with its latest run")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheck")))
    @APIResponse(responseCode = "404", ref = "RlsCheckNotFound")
    public JsonObject get(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId) {
        return RlsCheckJson.of(checks.get(chatbotId, checkId));
    }

    @PUT
    @Path("{checkId}")
    @Operation(operationId = "updateRlsCheck", summary = "Change a check; fields left out stay; its latest result is cleared until it runs again")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheckRequest")))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheck")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "RlsCheckNotFound")
    @APIResponse(responseCode = "409", ref = "RlsCheckExists")
    public JsonObject update(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId, String body) {
        return RlsCheckJson.of(checks.update(chatbotId, checkId, RlsCheckJson.input(JsonBodies.fields(body))));
    }

    @DELETE
    @Path("{checkId}")
    @Operation(operationId = "deleteRlsCheck", summary = "Delete a check with its run history")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Deleted")))
    @APIResponse(responseCode = "404", ref = "RlsCheckNotFound")
    public JsonObject delete(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId) {
        checks.delete(chatbotId, checkId);
        return JsonFactories.PROVIDER.createObjectBuilder().add("deleted", true).add("id", checkId).build();
    }

    @POST
    @Path("{checkId}/run")
    @Operation(operationId = "runRlsCheck", summary = "Run one check now; answers its result")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheckRun")))
    @APIResponse(responseCode = "404", ref = "RlsCheckNotFound")
    public JsonObject run(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId) {
        return RlsCheckJson.verdict(checks.run(chatbotId, checkId, ranBy()));
    }

    @GET
    @Path("{checkId}/runs")
    @Operation(operationId = "listRlsCheckRuns", summary = "A check's runs, newest first")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RlsCheckRunList")))
    @APIResponse(responseCode = "404", ref = "RlsCheckNotFound")
    public JsonObject runs(@PathParam("chatbotId") String chatbotId, @PathParam("checkId") String checkId,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return RlsCheckJson.runs(checks.runs(chatbotId, checkId, limit));
    }

    private String ranBy() {
        Caller who = caller.get();
        return who.userId() != null ? who.userId() : who.role();
    }
}
