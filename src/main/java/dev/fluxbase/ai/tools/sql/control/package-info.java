/** The guard that decides whether SQL written by the LLM may run for a chatbot. */
package dev.fluxbase.ai.tools.sql.control;
