/** One MCP server per chatbot, its tools (the chatbot's execute_sql and knowledge-base search), sessions and call limits. */
package dev.fluxbase.ai.mcp.control;
