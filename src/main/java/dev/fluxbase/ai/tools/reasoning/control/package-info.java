/** The think tool: the model plans before it acts (Fluxbase's ReAct pattern). */
package dev.fluxbase.ai.tools.reasoning.control;
