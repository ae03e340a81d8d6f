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
 * Google's Gemini API (Generative Language, {@code v1beta}: where function calling, system instructions and
 * JSON schemas all are), streaming as SSE with {@code alt=sse}, as a MicroProfile REST Client.
 */
public interface GeminiApi {

    @POST
    @Path("/v1beta/models/{model}:streamGenerateContent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.SERVER_SENT_EVENTS, MediaType.APPLICATION_JSON})
    Response streamGenerateContent(@PathParam("model") String model, @QueryParam("alt") String alt,
            @HeaderParam("x-goog-api-key") String apiKey, String body);
}
