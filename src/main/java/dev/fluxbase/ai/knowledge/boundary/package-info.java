/** Knowledge bases over HTTP: the SDK's admin.ai knowledge-base calls and chatbot links. */
package dev.fluxbase.ai.knowledge.boundary;
