/** The registry, the client sessions (over the guarded transport), the tool catalog and the MCP-backed tools. */
package dev.fluxbase.ai.mcpservers.control;
