/** The SQL guard: decides whether SQL written by the LLM may run for a chatbot; its door is {@link SqlGuard#check}. */
package dev.fluxbase.ai.tools.sqlguard.control;
