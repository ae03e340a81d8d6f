package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotTool;
import dev.fluxbase.ai.chatbots.entity.DeclaredTool;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import dev.fluxbase.ai.chatbots.entity.SqlAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tools a chatbot offers, from {@code export const tools} and {@code @fluxbase:mcp-tools}. Without either it gets
 * {@code execute_sql}, plus {@code http_get} with allowed domains. Fluxbase's MCP tool names replace that default, as
 * there: the chatbot has exactly the tools they map onto ({@code execute_sql} only when listed), plus the built-in tools
 * its file declares. A tool that writes is offered only when the chatbot's allowed operations include its operation,
 * otherwise it is a warning: leaving it out narrows the chatbot. Declared tools that are not built in are run by the
 * chatbot's MCP servers ({@link DeclaredTool}).
 */
final class ToolChoice {

    /** The tool names providers accept. */
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String file;
    private final List<LoadWarning> warnings;
    private final Map<ChatbotTool, Integer> builtIns = new LinkedHashMap<>();
    private final Map<String, ToolsDeclaration.ToolName> custom = new LinkedHashMap<>();
    private boolean declared;
    private boolean fromMcpTools;

    ToolChoice(String file, List<LoadWarning> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    void declared(List<ToolsDeclaration.ToolName> tools) {
        if (tools == null) {
            return;
        }
        declared = true;
        for (ToolsDeclaration.ToolName tool : tools) {
            ChatbotTool.byName(tool.name()).ifPresentOrElse(builtIn -> builtIns.putIfAbsent(builtIn, tool.line()), () -> custom(tool));
        }
    }

    private void custom(ToolsDeclaration.ToolName tool) {
        if (!TOOL_NAME.matcher(tool.name()).matches()) {
            warn(tool.line(), "export const tools: '" + tool.name() + "' is not a tool name providers accept (letters, digits, '_' "
                    + "and '-', at most 64), not offered");
        } else if (custom.putIfAbsent(tool.name(), tool) != null) {
            warn(tool.line(), "export const tools: '" + tool.name() + "' declared twice, the first one counts");
        }
    }

    void fluxbaseMcpTools(Annotation annotation) {
        if (annotation == null) {
            return;
        }
        List<String> names = Arrays.stream(annotation.value().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            warn(annotation.line(), "@fluxbase:mcp-tools lists no tool, ignored");
            return;
        }
        fromMcpTools = true;
        for (String name : names) {
            McpToolNames.tool(name).ifPresentOrElse(tool -> builtIns.putIfAbsent(tool, annotation.line()),
                    () -> warn(annotation.line(), McpToolNames.whyNot(name)));
        }
    }

    /** The built-in tools, those that run an operation the chatbot may not run left out with a warning. */
    List<ChatbotTool> builtIns(boolean hasHttpDomains, SqlAccess sql) {
        if (!declared && !fromMcpTools) {
            return hasHttpDomains ? List.of(ChatbotTool.EXECUTE_SQL, ChatbotTool.HTTP_GET) : List.of(ChatbotTool.EXECUTE_SQL);
        }
        Set<ChatbotTool> offered = new LinkedHashSet<>();
        builtIns.forEach((tool, line) -> {
            String operation = tool.operation().orElse(null);
            if (operation == null || sql.allowedOperations().contains(operation)) {
                offered.add(tool);
            } else {
                warn(line, tool.toolName() + " runs " + operation + ", which @fluxbase:allowed-operations ("
                        + String.join(", ", sql.allowedOperations()) + ") does not allow: not offered");
            }
        });
        return List.copyOf(offered);
    }

    /** The declared tools that are not built in; without an MCP server to run them they are warnings and none is offered. */
    List<DeclaredTool> custom(boolean hasMcpServers) {
        if (!hasMcpServers) {
            custom.values().forEach(tool -> warn(tool.line(), "export const tools: '" + tool.name() + "' is not a built-in tool and "
                    + "the chatbot names no @fluxbase:mcp-servers to run it, not offered"));
            return List.of();
        }
        List<DeclaredTool> tools = new ArrayList<>();
        custom.values().forEach(tool -> tools.add(new DeclaredTool(tool.name(), tool.description(), tool.parametersJson())));
        return tools;
    }

    private void warn(int line, String message) {
        warnings.add(new LoadWarning(file, line, message));
    }
}
