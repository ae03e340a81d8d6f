package dev.fluxbase.ai.mcp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McpRouteTest {

    @Test
    void aPathNamesANamespaceAndAChatbot() {
        assertThat(McpRoute.of("/default/sql-bot")).contains(new McpRoute("default", "sql-bot"));
        assertThat(McpRoute.of("/sales/reports/")).contains(new McpRoute("sales", "reports"));
        assertThat(new McpRoute("sales", "reports").path()).isEqualTo("/mcp/sales/reports");
    }

    @Test
    void anythingElseNamesNoChatbot() {
        assertThat(McpRoute.of(null)).isEmpty();
        assertThat(McpRoute.of("/")).isEmpty();
        assertThat(McpRoute.of("/sql-bot")).isEmpty();
        assertThat(McpRoute.of("/a/b/c")).isEmpty();
        assertThat(McpRoute.of("//sql-bot")).isEmpty();
    }
}
