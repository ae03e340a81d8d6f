/** The chat WebSocket at {@code /ai/ws}. */
package dev.fluxbase.ai.chat.boundary;
