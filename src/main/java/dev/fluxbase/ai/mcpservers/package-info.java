/** MCP servers an admin registered, whose tools chatbots use (@fluxbase:mcp-servers) through the MCP Java SDK's client. */
package dev.fluxbase.ai.mcpservers;
