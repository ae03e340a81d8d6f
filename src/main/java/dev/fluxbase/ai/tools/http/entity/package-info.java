/** What a fetch returned, why one was refused, and the secrets a chatbot's requests carry. */
package dev.fluxbase.ai.tools.http.entity;
