package dev.fluxbase.ai.providers.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Microsoft Entra ID's token endpoint (v2.0) of one tenant, as a MicroProfile REST Client; the base URL is the authority host. */
public interface EntraTokenApi {

    @POST
    @Path("/{tenant}/oauth2/v2.0/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(@PathParam("tenant") String tenant, Form form);
}
