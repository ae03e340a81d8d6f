package dev.fluxbase.ai.mcpservers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fluxbase.ai.it.support.McpTestServer;
import dev.fluxbase.ai.mcpservers.entity.McpCallFailure;
import dev.fluxbase.ai.mcpservers.entity.McpServer;
import dev.fluxbase.ai.mcpservers.entity.RemoteTool;
import dev.fluxbase.ai.providers.entity.CancelSignal;
import dev.fluxbase.ai.providers.entity.TurnCancelled;
import dev.fluxbase.ai.tools.http.control.ServerUrlGuard;
import dev.fluxbase.ai.tools.http.control.ServerUrlGuardAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client side against the MCP Java SDK's own server on a loopback port, without the application server: the
 * guarded transport speaks streamable HTTP as the SDK's server expects, and timeouts, cancellation and refusals end a
 * call with a clear failure.
 */
class McpSessionsTest {

    private static McpTestServer mcp;

    @BeforeAll
    static void startServer() {
        mcp = McpTestServer.start(Map.of(
                "echo", arguments -> McpTestServer.text("echo " + arguments.get("text")),
                "slow", arguments -> {
                    sleep(Duration.ofSeconds(5));
                    return McpTestServer.text("late");
                }), Map.of("echo", "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}"));
    }

    @AfterAll
    static void stopServer() {
        mcp.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static McpSessions sessions(String privateHosts) {
        ServerUrlGuard guard = ServerUrlGuardAccess.guard(privateHosts);
        McpSessions sessions = new McpSessions();
        sessions.guard = guard;
        sessions.maxResponseBytes = 1_000_000;
        return sessions;
    }

    private static McpServer server(String url, int callTimeoutMillis) {
        return new McpServer(UUID.randomUUID(), "loop", null, url, McpServer.STREAMABLE_HTTP, null, List.of("*"), true, 2000, callTimeoutMillis,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void toolsAreListedWithTheirSchemasAndACallReturnsTheToolsText() throws Exception {
        McpSessions sessions = sessions("localhost");
        McpServer server = server(mcp.url(), 10_000);
        List<RemoteTool> tools = sessions.listTools(server);
        assertThat(tools).extracting(RemoteTool::name).containsExactlyInAnyOrder("echo", "slow");
        assertThat(tools.stream().filter(t -> t.name().equals("echo")).findFirst().orElseThrow().inputSchemaJson()).contains("\"text\"");

        McpSessions.CallOutcome outcome = sessions.call(server, "echo", sessions.arguments("{\"text\":\"hi\"}"), new CancelSignal());
        assertThat(outcome).isEqualTo(new McpSessions.CallOutcome("echo hi", false));
        assertThat(mcp.requestHeaders()).anySatisfy(headers -> assertThat(headers).containsKey("mcp-session-id"));
    }

    @Test
    void aCallThatTakesTooLongFailsAfterTheServersTimeout() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> sessions("localhost").call(server(mcp.url(), 800), "slow", Map.of(), new CancelSignal()))
                .isInstanceOf(McpCallFailure.class).hasMessage("MCP server 'loop': no answer within 0.8 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aCancelledTurnAbortsTheCall() throws Exception {
        CancelSignal cancel = new CancelSignal();
        McpSessions sessions = sessions("localhost");
        int before = (int) mcp.calls().stream().filter(c -> c.tool().equals("slow")).count();
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> sessions.call(server(mcp.url(), 30_000), "slow", Map.of(), cancel));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (mcp.calls().stream().filter(c -> c.tool().equals("slow")).count() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long started = System.nanoTime();
        cancel.cancel();
        assertThatThrownBy(() -> call.get(4, TimeUnit.SECONDS)).hasRootCauseInstanceOf(TurnCancelled.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aLoopbackServerIsRefusedWithoutTheOperatorsLeaveAndNothingReachesIt() {
        int before = mcp.requestHeaders().size();
        assertThatThrownBy(() -> sessions(null).listTools(server(mcp.url(), 1000))).isInstanceOf(McpCallFailure.class)
                .hasMessageStartingWith("HTTPS is required for localhost");
        assertThatThrownBy(() -> sessions("").listTools(server("https://127.0.0.1:" + mcp.port() + "/mcp", 1000)))
                .hasMessageStartingWith("Address not allowed: 127.0.0.1");
        assertThat(mcp.requestHeaders()).hasSize(before);
    }

    @Test
    void aServerThatIsNotThereFailsClearly() {
        assertThatThrownBy(() -> sessions("localhost").listTools(server("http://localhost:1/mcp", 1000))).isInstanceOf(McpCallFailure.class)
                .hasMessageStartingWith("MCP server 'loop': the MCP server could not be reached");
    }
}
