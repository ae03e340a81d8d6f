package dev.fluxbase.ai.security.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Enforces {@link Authenticated}. */
@Provider
@Authenticated
@Priority(Priorities.AUTHORIZATION)
public class AuthenticatedFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (CurrentCaller.of(request).isAnonymous()) {
            request.abortWith(AuthResponses.authenticationRequired());
        }
    }
}
