/** What an MCP request carries to the tools (chatbot, caller), where it is routed, and the sessions held. */
package dev.fluxbase.ai.mcp.entity;
