package dev.fluxbase.ai.providers.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Ollama's chat endpoint, as a MicroProfile REST Client. Ollama itself has no authentication; a key,
 * when configured, is sent as a bearer token for the proxy in front of it.
 */
public interface OllamaChatApi {

    @POST
    @Path("/api/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/x-ndjson", MediaType.APPLICATION_JSON})
    Response chat(@HeaderParam("Authorization") String authorization, String body);
}
