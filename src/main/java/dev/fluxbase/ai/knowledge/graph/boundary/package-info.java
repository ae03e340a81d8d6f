/** The knowledge-graph admin API: a knowledge base's entities, their relationships and its graph, in the SDK's shapes. */
package dev.fluxbase.ai.knowledge.graph.boundary;
