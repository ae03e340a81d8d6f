/** The knowledge graph's values: entity types, normalised names, entities and relationships. */
package dev.fluxbase.ai.knowledge.graph.entity;
