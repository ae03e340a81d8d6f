/** Tools the LLM may call. */
package dev.fluxbase.ai.tools;
