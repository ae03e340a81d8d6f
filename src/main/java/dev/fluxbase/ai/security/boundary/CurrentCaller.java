package dev.fluxbase.ai.security.boundary;

import dev.fluxbase.ai.security.control.CallerHolder;
import dev.fluxbase.ai.security.control.CallerResolver;
import dev.fluxbase.ai.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The caller of the current REST request, for resources: {@code @Inject CurrentCaller caller; caller.get()}.
 * Only usable while an HTTP request is active; WebSocket code asks {@link CallerResolver} directly.
 */
@RequestScoped
public class CurrentCaller {

    /** The request property under which {@link AuthenticationFilter} stores the {@link Caller}. */
    public static final String PROPERTY = Caller.class.getName();

    @Inject
    CallerHolder holder;

    @Inject
    CallerResolver resolver;

    public Caller get() {
        return holder.get();
    }

    public boolean isAdmin() {
        return resolver.isAdmin(get());
    }

    /** For filters and other JAX-RS code that holds the request context; anonymous if authentication did not run. */
    public static Caller of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof Caller caller ? caller : Caller.anonymous();
    }
}
