package dev.fluxbase.ai.platform.boundary;

import dev.fluxbase.ai.platform.control.ConfigChanges;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * An admin request that may have changed something has committed by the time its answer goes out, so
 * whatever this instance cached of the configuration is dropped before the admin hears back: the change
 * applies to the very next turn here. Other instances learn of it from the database ({@link ConfigChanges}).
 */
@Provider
public class AdminChangeFilter implements ContainerResponseFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    ConfigChanges changes;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!READS.contains(request.getMethod()) && request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("admin/")) {
            changes.changedHere();
        }
    }
}
