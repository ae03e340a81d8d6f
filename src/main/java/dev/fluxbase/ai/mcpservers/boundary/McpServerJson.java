package dev.fluxbase.ai.mcpservers.boundary;

import dev.fluxbase.ai.mcpservers.entity.McpServer;
import dev.fluxbase.ai.mcpservers.entity.McpServerInput;
import dev.fluxbase.ai.mcpservers.entity.RemoteTool;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.platform.entity.JsonFields;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Optional;

/** Registered MCP servers in JSON; the auth header's value never appears, only its name and {@code auth_header_set}. */
final class McpServerJson {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    private McpServerJson() {
    }

    static JsonObject list(List<McpServer> servers) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        servers.forEach(server -> array.add(of(server)));
        return JSON.createObjectBuilder().add("mcp_servers", array).add("count", servers.size()).build();
    }

    static JsonObject of(McpServer server) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", server.id().toString())
                .add("name", server.name())
                .add("description", nullable(server.description()))
                .add("url", server.url())
                .add("transport", server.transport())
                .add("auth_header_name", nullable(server.authHeaderName()))
                .add("auth_header_set", server.hasAuthHeader())
                .add("allowed_tools", JSON.createArrayBuilder(server.allowedTools()))
                .add("enabled", server.enabled())
                .add("connect_timeout_ms", server.connectTimeoutMillis())
                .add("call_timeout_ms", server.callTimeoutMillis());
        return json.add("created_at", server.createdAt().toString()).add("updated_at", server.updatedAt().toString()).build();
    }

    static JsonObject tools(McpServer server, List<RemoteTool> tools) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        tools.forEach(tool -> array.add(JSON.createObjectBuilder().add("name", tool.name()).add("description", tool.description())
                .add("input_schema", JsonFactories.read(tool.inputSchemaJson())).add("allowed", server.allows(tool.name()))));
        return JSON.createObjectBuilder().add("tools", array).add("count", tools.size()).build();
    }

    /** What the body sets; a field left out stays as it is, {@code "description": null} clears it. */
    static McpServerInput input(JsonFields body) {
        return new McpServerInput(body.text("name"), body.has("description") ? Optional.of(body.text("description").orElse("")) : Optional.empty(),
                body.text("url"), body.text("transport"), body.text("auth_header_name"), body.text("auth_header_value"),
                body.strings("allowed_tools"), body.bool("enabled"), body.integer("connect_timeout_ms"), body.integer("call_timeout_ms"));
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }
}
