package dev.fluxbase.ai.security.boundary;

import dev.fluxbase.ai.platform.boundary.ErrorResponse;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.security.control.CorsRules;
import dev.fluxbase.ai.security.control.OriginPolicy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;

/**
 * Answers CORS preflights and marks responses to allowed origins. It matches before resources and runs before
 * authentication, because a browser's preflight never carries the token.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ORIGIN = "Origin";
    static final String REQUEST_METHOD = "Access-Control-Request-Method";
    static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

    @Inject
    OriginPolicy policy;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isPreflight(request)) {
            return;
        }
        request.abortWith(isAllowed(request) ? preflightAnswer(request)
                : ErrorResponse.of(Response.Status.FORBIDDEN, ErrorCodes.CORS_FORBIDDEN, "Origin not allowed"));
    }

    /** Also runs for aborted requests (401s included), so that a browser can read why it was refused. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(ORIGIN) == null) {
            return;
        }
        varyOnOrigin(response.getHeaders());
        if (isAllowed(request)) {
            allowOrigin(response.getHeaders(), request.getHeaderString(ORIGIN));
        }
    }

    private static boolean isPreflight(ContainerRequestContext request) {
        return HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString(ORIGIN) != null
                && request.getHeaderString(REQUEST_METHOD) != null;
    }

    private boolean isAllowed(ContainerRequestContext request) {
        return policy.isOriginAllowed(request.getHeaderString(ORIGIN), requestHost(request));
    }

    private static String requestHost(ContainerRequestContext request) {
        String host = request.getHeaderString(HttpHeaders.HOST);
        return host != null ? host : request.getUriInfo().getRequestUri().getRawAuthority();
    }

    private static Response preflightAnswer(ContainerRequestContext request) {
        Response answer = Response.noContent()
                .header("Access-Control-Allow-Methods", CorsRules.ALLOWED_METHODS)
                .header("Access-Control-Allow-Headers", CorsRules.allowHeaders(request.getHeaderString(REQUEST_HEADERS)))
                .header("Access-Control-Max-Age", CorsRules.MAX_AGE_SECONDS)
                .build();
        varyOnOrigin(answer.getHeaders());
        allowOrigin(answer.getHeaders(), request.getHeaderString(ORIGIN));
        return answer;
    }

    /** Put, not add: the response filter decorates the preflight answer a second time. */
    private static void allowOrigin(MultivaluedMap<String, Object> headers, String origin) {
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.putSingle("Access-Control-Allow-Credentials", "true");
        headers.putSingle("Access-Control-Expose-Headers", CorsRules.EXPOSED_HEADERS);
    }

    private static void varyOnOrigin(MultivaluedMap<String, Object> headers) {
        boolean present = headers.getOrDefault(HttpHeaders.VARY, List.of()).stream()
                .anyMatch(value -> String.valueOf(value).toLowerCase(Locale.ROOT).contains("origin"));
        if (!present) {
            headers.add(HttpHeaders.VARY, ORIGIN);
        }
    }
}
