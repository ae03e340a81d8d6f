/** What knowledge bases, documents, chunks and chatbot links are. */
package dev.fluxbase.ai.knowledge.entity;
