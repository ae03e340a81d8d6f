/** Ingestion (extraction, chunking, embedding), vector search and retrieval for chat turns. */
package dev.fluxbase.ai.knowledge.control;
