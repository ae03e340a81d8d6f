/** What every tool is: its definition for the LLM, and the context and events of one call. */
package dev.fluxbase.ai.tools.entity;
