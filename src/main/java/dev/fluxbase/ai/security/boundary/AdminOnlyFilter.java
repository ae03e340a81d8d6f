package dev.fluxbase.ai.security.boundary;

import dev.fluxbase.ai.security.control.CallerResolver;
import dev.fluxbase.ai.security.entity.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Enforces {@link AdminOnly}. */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    @Inject
    CallerResolver resolver;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = CurrentCaller.of(request);
        if (!caller.authenticated()) {
            request.abortWith(AuthResponses.authenticationRequired());
        } else if (!resolver.isAdmin(caller)) {
            request.abortWith(AuthResponses.adminRequired());
        }
    }
}
