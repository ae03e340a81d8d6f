/** Choosing the tools a chatbot offers and running a tool call. */
package dev.fluxbase.ai.tools.control;
