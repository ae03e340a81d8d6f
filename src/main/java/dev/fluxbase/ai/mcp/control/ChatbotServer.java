package dev.fluxbase.ai.mcp.control;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One chatbot's MCP server: the SDK's server with its streamable HTTP transport, a servlet that {@code McpServlet} hands
 * the chatbot's requests to. Its tools follow the chatbot: when what it offers changes (an edit, a new knowledge base, a
 * table of its own altered), they are replaced in place, for every session.
 */
public final class ChatbotServer {

    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;
    private Object toolsKey;
    private List<Tool> offered = List.of();

    ChatbotServer(HttpServletStreamableServerTransportProvider transport, McpSyncServer server) {
        this.transport = transport;
        this.server = server;
    }

    /** Whether the tools were made for this key (the chatbot as it is now, and the configuration it was read with). */
    synchronized boolean offersFor(Object key) {
        return key.equals(toolsKey);
    }

    synchronized void offer(Object key, List<SyncToolSpecification> tools) {
        toolsKey = key;
        List<Tool> now = tools.stream().map(SyncToolSpecification::tool).toList();
        if (now.equals(offered)) {
            return;
        }
        Set<String> names = now.stream().map(Tool::name).collect(Collectors.toSet());
        offered.stream().filter(tool -> !names.contains(tool.name())).forEach(tool -> server.removeTool(tool.name()));
        Set<String> held = offered.stream().map(Tool::name).collect(Collectors.toSet());
        for (SyncToolSpecification tool : tools) {
            if (!offered.contains(tool.tool())) {
                if (held.contains(tool.tool().name())) {
                    server.removeTool(tool.tool().name());
                }
                server.addTool(tool);
            }
        }
        offered = now;
    }

    public void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        transport.service(request, response);
    }

    void close() {
        server.closeGracefully();
    }
}
