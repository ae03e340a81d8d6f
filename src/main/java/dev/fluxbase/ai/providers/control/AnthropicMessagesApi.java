package dev.fluxbase.ai.providers.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Anthropic's Messages API, as a MicroProfile REST Client; the base URL is the host, as in Anthropic's own SDKs. */
public interface AnthropicMessagesApi {

    @POST
    @Path("/v1/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.SERVER_SENT_EVENTS, MediaType.APPLICATION_JSON})
    Response messages(@HeaderParam("x-api-key") String apiKey, @HeaderParam("anthropic-version") String version, String body);
}
