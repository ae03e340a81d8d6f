package dev.fluxbase.ai.mcpservers.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fluxbase.ai.mcpservers.entity.McpCallFailure;
import dev.fluxbase.ai.mcpservers.entity.McpServer;
import dev.fluxbase.ai.mcpservers.entity.RemoteTool;
import dev.fluxbase.ai.providers.control.ApiKeyVault;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.tools.http.control.ServerUrlGuard;
import dev.fluxbase.ai.tools.http.entity.FetchRefused;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Talks to registered MCP servers through the MCP Java SDK's client: one session per use (initialize, the request,
 * end), so that a changed URL, header or allow-list applies at once and no session outlives a turn. Every use checks the
 * URL again and connects through the guarded transport; the server's timeouts bound it, the turn's cancel aborts it,
 * and every failure becomes an {@link McpCallFailure} whose message names no secret.
 */
@ApplicationScoped
public class McpSessions {

    private static final int MAX_TOOL_PAGES = 10;
    private static final McpSchema.Implementation CLIENT = new McpSchema.Implementation("fluxbase-ai", "Fluxbase AI chatbot server", "1.0");

    @Inject
    McpServerStore store;

    @Inject
    ApiKeyVault vault;

    @Inject
    ServerUrlGuard guard;

    @Inject
    @ConfigProperty(name = "fluxbase.mcp.max-response-bytes", defaultValue = "4194304")
    long maxResponseBytes;

    private final ObjectMapper objects = new ObjectMapper();
    private final McpJsonMapper json = new JacksonMcpJsonMapper(objects);

    /** A tool call's outcome as the server reported it: its text, and whether the tool itself failed. */
    public record CallOutcome(String text, boolean toolError) {
    }

    /** Every tool the server lists, allowed or not. */
    public List<RemoteTool> listTools(McpServer server) {
        return session(server, new CancelSignal(), client -> {
            List<RemoteTool> tools = new ArrayList<>();
            McpSchema.ListToolsResult page = client.listTools();
            for (int pages = 1; ; pages++) {
                page.tools().forEach(tool -> tools.add(remote(tool)));
                if (page.nextCursor() == null || pages >= MAX_TOOL_PAGES) {
                    return tools;
                }
                page = client.listTools(page.nextCursor());
            }
        });
    }

    public CallOutcome call(McpServer server, String tool, Map<String, Object> arguments, CancelSignal cancel) {
        return session(server, cancel, client -> outcome(client.callTool(new McpSchema.CallToolRequest(tool, arguments))));
    }

    /** The arguments the model wrote, as the SDK sends them. */
    public Map<String, Object> arguments(String json) throws JsonProcessingException {
        return objects.readValue(json == null || json.isBlank() ? "{}" : json,
                objects.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    private <T> T session(McpServer server, CancelSignal cancel, Function<McpSyncClient, T> work) {
        URI endpoint;
        try {
            endpoint = guard.check(server.url());
        } catch (FetchRefused e) {
            throw new McpCallFailure(e.getMessage());
        }
        GuardedHttpTransport transport = new GuardedHttpTransport(endpoint, guard.client(server.connectTimeoutMillis(),
                server.callTimeoutMillis()), json, authHeader(server), maxResponseBytes);
        Duration timeout = Duration.ofMillis(server.callTimeoutMillis());
        McpSyncClient client = McpClient.sync(transport).requestTimeout(timeout).initializationTimeout(timeout).clientInfo(CLIENT)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(objects)).build();
        try (AutoCloseable abort = cancel.onCancel(transport::abort)) {
            client.initialize();
            return work.apply(client);
        } catch (RuntimeException e) {
            cancel.throwIfCancelled();
            throw failure(server, e);
        } catch (Exception e) {
            throw failure(server, e);
        } finally {
            close(client, transport);
        }
    }

    private Map<String, String> authHeader(McpServer server) {
        if (!server.hasAuthHeader()) {
            return Map.of();
        }
        String value = store.sealedAuthValue(server.id()).flatMap(sealed -> vault.openSecret(sealed, McpServerAdministration.sealContext(server.id())))
                .orElseThrow(() -> new McpCallFailure("the auth header of MCP server '" + server.name()
                        + "' cannot be read (was the encryption key changed?)"));
        return Map.of(server.authHeaderName(), value);
    }

    private static void close(McpSyncClient client, GuardedHttpTransport transport) {
        try {
            client.closeGracefully();
        } catch (RuntimeException e) {
            transport.close();
        }
    }

    /** What the model and the admin read: which server, and what went wrong, in words. */
    static McpCallFailure failure(McpServer server, Throwable e) {
        String reason = reason(e, server.callTimeoutMillis());
        return new McpCallFailure("MCP server '" + server.name() + "': " + reason, e);
    }

    private static String reason(Throwable e, int timeoutMillis) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return "no answer within " + timeoutMillis / 1000.0 + " s";
            }
            if (cause instanceof McpError error && error.getJsonRpcError() != null) {
                return "the server answered with an error: " + error.getJsonRpcError().message();
            }
            if (cause instanceof McpTransportException || cause instanceof McpCallFailure) {
                return cause.getMessage();
            }
        }
        return "the call failed (" + e.getClass().getSimpleName() + ")";
    }

    private RemoteTool remote(McpSchema.Tool tool) {
        String description = tool.description() != null ? tool.description() : tool.title();
        try {
            return new RemoteTool(tool.name(), description, tool.inputSchema() == null ? null : objects.writeValueAsString(tool.inputSchema()));
        } catch (JsonProcessingException e) {
            return new RemoteTool(tool.name(), description, null);
        }
    }

    /** The text of the result's content; what is not text is named, not shown. */
    private CallOutcome outcome(McpSchema.CallToolResult result) {
        List<String> parts = new ArrayList<>();
        for (McpSchema.Content content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            if (content instanceof McpSchema.TextContent text) {
                parts.add(text.text());
            } else if (content instanceof McpSchema.EmbeddedResource resource && resource.resource() instanceof McpSchema.TextResourceContents text) {
                parts.add(text.text());
            } else {
                parts.add("[" + content.getClass().getSimpleName().replace("Content", "").toLowerCase(Locale.ROOT) + " content not shown]");
            }
        }
        if (parts.isEmpty() && result.structuredContent() != null) {
            try {
                parts.add(objects.writeValueAsString(result.structuredContent()));
            } catch (JsonProcessingException e) {
                parts.add("[structured content not shown]");
            }
        }
        return new CallOutcome(String.join("\n", parts), Boolean.TRUE.equals(result.isError()));
    }
}
