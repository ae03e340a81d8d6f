package dev.fluxbase.ai.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real MCP server for the MCP client ITs: the MCP Java SDK's server ({@code McpServer.sync}) behind its streamable
 * HTTP servlet transport, in an embedded Jetty on a loopback port. It keeps the calls it answered and the headers of
 * every request, so that tests can see what reached it.
 */
public final class McpTestServer implements AutoCloseable {

    /** One tool call that reached the server: the tool, its arguments. */
    public record Call(String tool, Map<String, Object> arguments) {
    }

    private final Server jetty;
    private final McpSyncServer mcp;
    private final List<Call> calls;
    private final List<Map<String, String>> requestHeaders;

    private McpTestServer(Server jetty, McpSyncServer mcp, List<Call> calls, List<Map<String, String>> requestHeaders) {
        this.jetty = jetty;
        this.mcp = mcp;
        this.calls = calls;
        this.requestHeaders = requestHeaders;
    }

    /**
     * @param tools name to what it answers for the arguments
     * @param schemas name to the JSON schema of its arguments, for the tools that have one
     */
    public static McpTestServer start(Map<String, Function<Map<String, Object>, McpSchema.CallToolResult>> tools, Map<String, String> schemas) {
        JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder().jsonMapper(json)
                .mcpEndpoint("/mcp").build();
        List<Call> calls = new CopyOnWriteArrayList<>();
        List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
        List<McpServerFeatures.SyncToolSpecification> specifications = new ArrayList<>();
        tools.forEach((name, answer) -> specifications.add(McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder(name, json, schemas.getOrDefault(name, "{\"type\":\"object\",\"properties\":{}}"))
                        .description("IT tool " + name).build())
                .callHandler((exchange, request) -> {
                    calls.add(new Call(request.name(), request.arguments()));
                    return answer.apply(request.arguments());
                }).build()));
        McpSyncServer mcp = McpServer.sync(transport).serverInfo("it-mcp-server", "1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .requestTimeout(Duration.ofSeconds(60)).tools(specifications).build();
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        Filter recorder = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            Map<String, String> seen = new LinkedHashMap<>();
            Collections.list(http.getHeaderNames()).forEach(name -> seen.put(name.toLowerCase(Locale.ROOT), http.getHeader(name)));
            headers.add(seen);
            chain.doFilter(request, response);
        };
        context.addFilter(new FilterHolder(recorder), "/*", EnumSet.of(DispatcherType.REQUEST));
        ServletHolder servlet = new ServletHolder(transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, "/mcp/*");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the MCP test server", e);
        }
        return new McpTestServer(jetty, mcp, calls, headers);
    }

    public static McpSchema.CallToolResult text(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The URL to register: {@code localhost}, which the server under test's operator setting lets it reach. */
    public String url() {
        return "http://localhost:" + port() + "/mcp";
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The headers of every request, names in lower case. */
    public List<Map<String, String>> requestHeaders() {
        return List.copyOf(requestHeaders);
    }

    @Override
    public void close() {
        try {
            mcp.closeGracefully();
            jetty.stop();
        } catch (Exception e) {
            // the run ends anyway
        }
    }
}
