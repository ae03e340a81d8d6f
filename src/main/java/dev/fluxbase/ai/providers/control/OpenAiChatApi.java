package dev.fluxbase.ai.providers.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OpenAI's chat completions endpoint (and every OpenAI-compatible server), as a MicroProfile REST
 * Client. The response is read as a stream: Jersey hands over the entity stream without buffering it.
 * Null headers are not sent.
 */
public interface OpenAiChatApi {

    // The path sits on the method: a class-level @Path would make Jersey scan this interface as a resource.
    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.SERVER_SENT_EVENTS, MediaType.APPLICATION_JSON})
    Response complete(@HeaderParam("Authorization") String authorization, @HeaderParam("OpenAI-Organization") String organization,
            String body);
}
