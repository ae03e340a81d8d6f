/** The MCP endpoint {@code /mcp/{namespace}/{chatbot}} and the OAuth protected-resource metadata MCP clients read. */
package dev.fluxbase.ai.mcp.boundary;
