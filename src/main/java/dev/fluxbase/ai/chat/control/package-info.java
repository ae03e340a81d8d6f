/** Chat sessions and turns: dispatching client frames, prompting the provider, streaming the answer. */
package dev.fluxbase.ai.chat.control;
