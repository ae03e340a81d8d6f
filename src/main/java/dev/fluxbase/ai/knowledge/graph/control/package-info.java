/** Storing and reading a knowledge base's entities, relationships and where they were found. */
package dev.fluxbase.ai.knowledge.graph.control;
