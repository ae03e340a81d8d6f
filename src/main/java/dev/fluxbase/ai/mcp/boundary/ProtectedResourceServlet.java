package dev.fluxbase.ai.mcp.boundary;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OAuth 2.0 protected-resource metadata (RFC 9728) for the MCP servers, which MCP's authorization spec has clients read
 * after a 401: the resource, and the identity providers that issue tokens for it ({@code fluxbase.auth.issuer}). Public
 * and without secrets. {@code /.well-known/oauth-protected-resource/mcp/{namespace}/{chatbot}} describes that chatbot's
 * server, the bare path {@code /mcp} as a whole.
 */
@WebServlet(urlPatterns = {McpResponses.METADATA_PATH, McpResponses.METADATA_PATH + "/*"})
public class ProtectedResourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "fluxbase.auth.issuer")
    transient Optional<String> issuers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path != null && !path.startsWith("/mcp/")) {
            McpResponses.error(response, HttpServletResponse.SC_NOT_FOUND, ErrorCodes.NOT_FOUND, "No protected resource at " + path);
            return;
        }
        JsonArrayBuilder servers = JsonFactories.PROVIDER.createArrayBuilder();
        issuers.stream().flatMap(list -> Arrays.stream(list.split(","))).map(String::strip).filter(issuer -> !issuer.isEmpty())
                .forEach(servers::add);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "max-age=3600");
        response.getWriter().write(JsonFactories.PROVIDER.createObjectBuilder()
                .add("resource", McpResponses.baseUrl(request) + (path == null ? "/mcp" : path))
                .add("authorization_servers", servers)
                .add("bearer_methods_supported", JsonFactories.PROVIDER.createArrayBuilder().add("header"))
                .add("resource_name", "Fluxbase AI chatbot tools")
                .build().toString());
    }
}
