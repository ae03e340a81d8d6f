package dev.fluxbase.ai.mcp.boundary;

import dev.fluxbase.ai.it.support.ApiResponse;
import dev.fluxbase.ai.it.support.ServerUnderTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** MCP clients of the server under test: the MCP Java SDK's, as an IDE or desktop assistant would use it, and raw HTTP. */
final class McpClients {

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-it\",\"version\":\"1\"}}}";

    private McpClients() {
    }

    /** An initialized client of {@code /mcp/{namespace}/{chatbot}} that sends the token as bearer (null: none). */
    static McpSyncClient connect(ServerUnderTest server, String namespace, String chatbot, String token) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(server.http("").toString())
                .endpoint("/mcp/" + namespace + "/" + chatbot)
                .openConnectionOnStartup(false);
        if (token != null) {
            transport.requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token));
        }
        McpSyncClient client = McpClient.sync(transport.build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return client;
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
    }

    static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    /** A raw streamable-HTTP POST (an initialize unless told otherwise), with a session id when given. */
    static ApiResponse post(ServerUnderTest server, String path, String token, String sessionId, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.http(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        return server.send(request.build());
    }

    static ApiResponse delete(ServerUnderTest server, String path, String token, String sessionId) {
        return server.send(HttpRequest.newBuilder(server.http(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", sessionId).DELETE().build());
    }
}
