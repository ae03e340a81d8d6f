package dev.fluxbase.ai.tools.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.mcpservers.control.McpToolSource;
import dev.fluxbase.ai.tools.entity.Tool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tools a chatbot offers: those its file declares (or Fluxbase's MCP tool names map onto), among the built-in tools
 * this server has, and the tools of its MCP servers.
 */
@ApplicationScoped
public class ToolBox {

    @Inject
    @Any
    Instance<Tool> available;

    @Inject
    McpToolSource mcpTools;

    private Map<String, Tool> byName;

    @PostConstruct
    void index() {
        byName = available.stream().collect(Collectors.toMap(t -> t.definition().name(), Function.identity()));
    }

    /** The built-in tools the chatbot declares, then those of its MCP servers ({@code @fluxbase:mcp-servers}). */
    public List<Tool> toolsFor(ChatbotDefinition chatbot) {
        List<Tool> builtIn = chatbot.settings().toolUse().tools().stream()
                .map(ChatbotTool::toolName)
                .map(byName::get)
                .filter(Objects::nonNull)
                .toList();
        if (chatbot.settings().toolUse().mcpServers().isEmpty()) {
            return builtIn;
        }
        List<Tool> tools = new ArrayList<>(builtIn);
        tools.addAll(mcpTools.toolsFor(chatbot, builtIn.stream().map(tool -> tool.definition().name()).collect(Collectors.toSet())));
        return tools;
    }
}
