package dev.fluxbase.ai.chatbots.control;

import dev.fluxbase.ai.chatbots.entity.ChatbotDefinition;
import dev.fluxbase.ai.chatbots.entity.LoadWarning;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code @fluxbase:mcp-servers} names that no registered server has, when a chatbot is loaded or synced: a warning, not an
 * error, as an admin may register the server later (until then the chatbot's turns go on without its tools). The
 * registry is asked only for chatbots that name servers.
 */
final class UnknownMcpServers {

    private UnknownMcpServers() {
    }

    static List<LoadWarning> of(String file, String code, ChatbotDefinition chatbot, Supplier<Set<String>> registered) {
        List<String> named = chatbot.settings().toolUse().mcpServers();
        if (named.isEmpty()) {
            return List.of();
        }
        Set<String> known = registered.get();
        int line = new SourceText(file, code).lineOf(Math.max(0, code.replace("\r\n", "\n").indexOf("@fluxbase:mcp-servers")));
        return named.stream().filter(name -> !known.contains(name)).map(name -> new LoadWarning(file, line, "@fluxbase:mcp-servers " + name
                + " is not a registered MCP server (yet): its tools are offered once an admin registers it")).toList();
    }
}
