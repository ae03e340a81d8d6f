package dev.fluxbase.ai.mcpservers.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotSettings;
import dev.fluxbase.ai.chatbots.entity.DeclaredTool;
import dev.fluxbase.ai.chatbots.entity.ToolUse;
import dev.fluxbase.ai.mcpservers.entity.McpServer;
import dev.fluxbase.ai.mcpservers.entity.RemoteTool;
import dev.fluxbase.ai.providers.entity.ToolDefinition;
import dev.fluxbase.ai.tools.entity.Tool;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which tools of a chatbot's MCP servers a turn offers, under which names, with which descriptions and schemas. */
class McpToolSourceTest {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";

    private final Map<String, McpServer> servers = Map.of(
            "weather", server("weather", List.of("*"), true),
            "maps", server("maps", List.of("get_weather", "route"), true),
            "off", server("off", List.of("*"), false));
    private final Map<String, List<RemoteTool>> listed = Map.of(
            "weather", List.of(new RemoteTool("get_weather", "Weather now", SCHEMA), new RemoteTool("alerts", "Alerts", null),
                    new RemoteTool("execute_sql", "Someone else's SQL", null)),
            "maps", List.of(new RemoteTool("get_weather", "Weather on a route", SCHEMA), new RemoteTool("route", "A route", SCHEMA),
                    new RemoteTool("secret", "Not allowed", SCHEMA)),
            "off", List.of(new RemoteTool("disabled_tool", "From a disabled server", null)));

    private static McpServer server(String name, List<String> allowed, boolean enabled) {
        return new McpServer(UUID.nameUUIDFromBytes(name.getBytes()), name, null, "https://" + name + ".example/mcp", McpServer.STREAMABLE_HTTP,
                null, allowed, enabled, 1000, 1000, Instant.EPOCH, Instant.EPOCH);
    }

    private List<ToolDefinition> offered(List<String> serverNames, List<DeclaredTool> declared, Set<String> builtIns) {
        McpToolSource source = new McpToolSource();
        source.store = new McpServerStore() {
            @Override
            public Optional<McpServer> byName(String name) {
                return Optional.ofNullable(servers.get(name));
            }
        };
        source.catalog = new RemoteToolCatalog() {
            @Override
            public List<RemoteTool> tools(McpServer server) {
                return listed.get(server.name());
            }
        };
        ToolUse use = ToolUse.defaults().withMcpServers(serverNames).withCustomTools(declared);
        ChatbotDefinition chatbot = new ChatbotDefinition("default", "bot", "code", "prompt", ChatbotSettings.builder().toolUse(use).build());
        return source.toolsFor(chatbot, builtIns).stream().map(Tool::definition).toList();
    }

    @Test
    void aToolKeepsItsNameWhenUniqueAndIsQualifiedByItsServerOtherwise() {
        assertThat(offered(List.of("weather", "maps", "unknown", "off"), List.of(), Set.of("execute_sql")))
                .extracting(ToolDefinition::name)
                .containsExactly("weather__get_weather", "alerts", "weather__execute_sql", "maps__get_weather", "route");
    }

    @Test
    void theAllowListHidesTools() {
        assertThat(offered(List.of("maps"), List.of(), Set.of())).extracting(ToolDefinition::name).containsExactly("get_weather", "route");
    }

    @Test
    void aDeclaredToolIsOfferedWithTheFilesDescriptionAndSchemaByTheFirstServerThatHasIt() {
        String declaredSchema = "{\"type\":\"object\",\"properties\":{\"town\":{\"type\":\"string\"}},\"required\":[\"town\"]}";
        List<ToolDefinition> tools = offered(List.of("maps", "weather"),
                List.of(new DeclaredTool("get_weather", "The weather of a town", declaredSchema), DeclaredTool.named("route"),
                        DeclaredTool.named("teleport")), Set.of());
        assertThat(tools).extracting(ToolDefinition::name).containsExactly("get_weather", "route", "weather__get_weather", "alerts",
                "execute_sql");
        assertThat(tools.get(0).description()).isEqualTo("The weather of a town");
        assertThat(tools.get(0).parameters().toString()).isEqualTo(declaredSchema);
        assertThat(tools.get(1).description()).isEqualTo("A route");
        assertThat(tools.get(4).parameters().getString("type")).isEqualTo("object");
    }

    @Test
    void namesProvidersRefuseAreMadeSafe() {
        assertThat(McpToolSource.exposed("files/read.text")).isEqualTo("files_read_text");
        assertThat(McpToolSource.exposed("x".repeat(80))).hasSize(64);
    }
}
