package dev.fluxbase.ai.mcpservers.control;

import dev.fluxbase.ai.mcpservers.entity.McpCallFailure;
import dev.fluxbase.ai.mcpservers.entity.McpServer;
import dev.fluxbase.ai.mcpservers.entity.McpServerInput;
import dev.fluxbase.ai.mcpservers.entity.McpServerNameTaken;
import dev.fluxbase.ai.mcpservers.entity.RemoteTool;
import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.platform.entity.RequestRejected;
import dev.fluxbase.ai.providers.control.ApiKeyVault;
import dev.fluxbase.ai.tools.http.control.ServerUrlGuard;
import dev.fluxbase.ai.tools.http.entity.FetchRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The admin's view of registered MCP servers. A URL must pass http_get's rules when it is registered (and again at
 * every connection); the auth header's value is sealed before it is stored and never comes back; a name is what
 * chatbot files use ({@code @fluxbase:mcp-servers}), so it is short, lower case and unique.
 */
@ApplicationScoped
public class McpServerAdministration {

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    static final int DEFAULT_CALL_TIMEOUT_MS = 30_000;
    private static final int MIN_TIMEOUT_MS = 100;
    private static final int MAX_TIMEOUT_MS = 300_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Headers the transport sets itself, or that would change what the request is. */
    private static final List<String> RESERVED_HEADERS = List.of("host", "content-type", "content-length", "accept", "mcp-session-id",
            "mcp-protocol-version", "transfer-encoding", "connection");

    @Inject
    McpServerStore store;

    @Inject
    ApiKeyVault vault;

    @Inject
    ServerUrlGuard guard;

    @Inject
    McpSessions sessions;

    @Inject
    RemoteToolCatalog catalog;

    /** The context the auth header's value is sealed for: it opens for this server only. */
    static String sealContext(UUID serverId) {
        return "mcp-server:" + serverId;
    }

    public List<McpServer> list() {
        return store.all();
    }

    public McpServer get(String id) {
        return parse(id).flatMap(store::find).orElseThrow(McpServerAdministration::notFound);
    }

    public McpServer create(McpServerInput input) {
        UUID id = UUID.randomUUID();
        String name = name(input.name().orElseThrow(() -> RequestRejected.badRequest("\"name\" is required")));
        String url = url(input.url().orElseThrow(() -> RequestRejected.badRequest("\"url\" is required")));
        Optional<String> authValue = input.authHeaderValue().filter(value -> !value.isEmpty());
        if (authValue.isEmpty() && input.authHeaderName().isPresent()) {
            throw RequestRejected.badRequest("\"auth_header_name\" needs \"auth_header_value\"");
        }
        String headerName = authValue.isPresent() ? header(input.authHeaderName().orElse("Authorization")) : null;
        McpServer server = new McpServer(id, name, description(input.description().orElse(null)), url, transport(input.transport()),
                headerName, allowedTools(input.allowedTools().orElse(List.of())), input.enabled().orElse(true),
                timeout("connect_timeout_ms", input.connectTimeoutMillis().orElse(DEFAULT_CONNECT_TIMEOUT_MS)),
                timeout("call_timeout_ms", input.callTimeoutMillis().orElse(DEFAULT_CALL_TIMEOUT_MS)), null, null);
        byte[] sealed = authValue.map(value -> vault.sealSecret(value, sealContext(id))).orElse(null);
        return unique(name, () -> store.create(server, sealed));
    }

    public McpServer update(String id, McpServerInput input) {
        McpServer current = get(id);
        String name = input.name().map(McpServerAdministration::name).orElse(current.name());
        String url = input.url().map(this::url).orElse(current.url());
        McpServerStore.AuthValue authValue = null;
        String headerName = input.authHeaderName().map(McpServerAdministration::header).orElse(current.authHeaderName());
        if (input.authHeaderValue().isPresent()) {
            String value = input.authHeaderValue().get();
            authValue = new McpServerStore.AuthValue(value.isEmpty() ? null : vault.sealSecret(value, sealContext(current.id())));
            headerName = value.isEmpty() ? null : headerName == null ? "Authorization" : headerName;
        } else if (!current.hasAuthHeader() && input.authHeaderName().isPresent()) {
            throw RequestRejected.badRequest("\"auth_header_name\" needs \"auth_header_value\": the server has no auth header yet");
        }
        McpServer changed = new McpServer(current.id(), name, input.description().isPresent() ? description(input.description().get())
                : current.description(), url, input.transport().isPresent() ? transport(input.transport()) : current.transport(), headerName,
                input.allowedTools().map(McpServerAdministration::allowedTools).orElse(current.allowedTools()),
                input.enabled().orElse(current.enabled()),
                timeout("connect_timeout_ms", input.connectTimeoutMillis().orElse(current.connectTimeoutMillis())),
                timeout("call_timeout_ms", input.callTimeoutMillis().orElse(current.callTimeoutMillis())), current.createdAt(), null);
        McpServerStore.AuthValue newValue = authValue;
        McpServer saved = unique(name, () -> store.update(changed, newValue));
        catalog.forget(saved.id());
        return saved;
    }

    public void delete(String id) {
        McpServer server = get(id);
        if (!store.delete(server.id())) {
            throw notFound();
        }
        catalog.forget(server.id());
    }

    /** What the server lists now (not cached), each with whether chatbots may use it. */
    public List<RemoteTool> tools(String id) {
        McpServer server = get(id);
        try {
            List<RemoteTool> tools = sessions.listTools(server);
            catalog.remember(server, tools);
            return tools;
        } catch (McpCallFailure e) {
            throw new RequestRejected(502, ErrorCodes.MCP_SERVER_UNAVAILABLE, e.getMessage());
        }
    }

    private String url(String url) {
        try {
            return guard.check(url).toString();
        } catch (FetchRefused e) {
            throw new RequestRejected(400, ErrorCodes.MCP_SERVER_URL_REFUSED, "MCP server URL refused: " + e.getMessage());
        }
    }

    private static String name(String name) {
        String candidate = name.strip();
        if (!NAME.matcher(candidate).matches()) {
            throw RequestRejected.badRequest("\"name\" must be 1 to 40 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
        return candidate;
    }

    private static String header(String name) {
        String candidate = name.strip();
        if (!HEADER.matcher(candidate).matches() || RESERVED_HEADERS.contains(candidate.toLowerCase(Locale.ROOT))) {
            throw RequestRejected.badRequest("\"auth_header_name\" must be a header name (letters, digits, '-') the transport does not set itself");
        }
        return candidate;
    }

    private static String description(String description) {
        return description == null || description.isBlank() ? null : description.strip();
    }

    private static String transport(Optional<String> transport) {
        String value = transport.map(String::strip).filter(t -> !t.isEmpty()).orElse(McpServer.STREAMABLE_HTTP);
        if (!value.equals(McpServer.STREAMABLE_HTTP)) {
            throw RequestRejected.badRequest("\"transport\" must be streamable-http (the older HTTP+SSE transport is not supported)");
        }
        return value;
    }

    private static List<String> allowedTools(List<String> tools) {
        List<String> names = tools.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (names.size() > 500 || names.stream().anyMatch(name -> name.length() > 128)) {
            throw RequestRejected.badRequest("\"allowed_tools\" must be at most 500 tool names of at most 128 characters");
        }
        return names;
    }

    private static int timeout(String field, int millis) {
        if (millis < MIN_TIMEOUT_MS || millis > MAX_TIMEOUT_MS) {
            throw RequestRejected.badRequest("\"" + field + "\" must be from " + MIN_TIMEOUT_MS + " to " + MAX_TIMEOUT_MS);
        }
        return millis;
    }

    private static McpServer unique(String name, Supplier<McpServer> write) {
        try {
            return write.get();
        } catch (McpServerNameTaken e) {
            throw new RequestRejected(409, ErrorCodes.CONFLICT, "An MCP server named '" + name + "' already exists");
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static RequestRejected notFound() {
        return RequestRejected.notFound(ErrorCodes.MCP_SERVER_NOT_FOUND, "MCP server not found");
    }
}
