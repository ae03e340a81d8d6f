/** The admin API of registered MCP servers. */
package dev.fluxbase.ai.mcpservers.boundary;
