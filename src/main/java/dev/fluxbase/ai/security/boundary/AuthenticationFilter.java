package dev.fluxbase.ai.security.boundary;

import dev.fluxbase.ai.security.control.CallerHolder;
import dev.fluxbase.ai.security.control.CallerResolver;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import dev.fluxbase.ai.security.entity.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Identifies the caller of every REST request. The token comes from {@code Authorization: Bearer}, else from
 * the {@code apikey} header the Fluxbase SDK always sends. No token passes as anonymous; a bad one is a 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String API_KEY_HEADER = "apikey";

    @Inject
    CallerResolver resolver;

    @Inject
    CallerHolder holder;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            Caller caller = resolve(request);
            request.setProperty(CurrentCaller.PROPERTY, caller);
            holder.set(caller);
        } catch (AuthenticationException e) {
            request.abortWith(AuthResponses.invalidToken(e));
        }
    }

    private Caller resolve(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return resolver.fromAuthorizationHeader(authorization);
        }
        return resolver.fromToken(request.getHeaderString(API_KEY_HEADER));
    }
}
