package dev.fluxbase.ai.mcp.boundary;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.security.entity.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The answers {@code /mcp} gives before the MCP server sees a request, in the REST API's error shape
 * ({@code {"error", "code"}}). A 401 carries the Bearer challenge MCP's authorization spec asks for, naming the
 * protected-resource metadata, so that a client can find the identity provider to get a token from.
 */
final class McpResponses {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private McpResponses() {
    }

    static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonFactories.PROVIDER.createObjectBuilder().add("error", message).add("code", code).build().toString());
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String resourcePath, AuthenticationException failure)
            throws IOException {
        String challenge = "Bearer resource_metadata=\"" + baseUrl(request) + METADATA_PATH + resourcePath + "\"";
        if (ErrorCodes.INVALID_TOKEN.equals(failure.code())) {
            challenge += ", error=\"invalid_token\"";
        }
        response.setHeader("WWW-Authenticate", challenge);
        error(response, HttpServletResponse.SC_UNAUTHORIZED, failure.code(), failure.getMessage());
    }

    /** Scheme, host and context root as the client addressed them. */
    static String baseUrl(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
