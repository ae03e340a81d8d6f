/** Fluxbase's search_vectors (and its alias vector_search): the chatbot's knowledge bases as a tool. */
package dev.fluxbase.ai.tools.vectors.control;
