/** Streaming clients for OpenAI, Azure OpenAI and Ollama, and the choice of provider for a chatbot. */
package dev.fluxbase.ai.providers.control;
