package dev.fluxbase.ai.providers.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Azure OpenAI's chat completions of one deployment, as a MicroProfile REST Client. The credential is either a key in
 * {@code api-key} or an Entra ID token in {@code Authorization}; the other is null, and null headers are not sent.
 */
public interface AzureChatApi {

    @POST
    @Path("/openai/deployments/{deployment}/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.SERVER_SENT_EVENTS, MediaType.APPLICATION_JSON})
    Response complete(@PathParam("deployment") String deployment, @QueryParam("api-version") String apiVersion,
            @HeaderParam("api-key") String apiKey, @HeaderParam("Authorization") String authorization, String body);
}
