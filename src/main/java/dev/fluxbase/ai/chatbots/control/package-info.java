/** Parsing chatbot files, loading them from the chatbots directory, and looking them up. */
package dev.fluxbase.ai.chatbots.control;
