package dev.fluxbase.ai.knowledge.graph.entity;

import java.util.List;

/**
 * What extraction made of a document: one graph per chunk, in chunk order (an empty one for a chunk it could not
 * read), and why it fell short, or null when every chunk was read.
 */
public record DocumentGraph(List<ChunkGraph> chunks, String failure) {

    /** No extraction: the knowledge base does not ask for it. */
    public static final DocumentGraph NONE = new DocumentGraph(List.of(), null);

    public DocumentGraph {
        chunks = List.copyOf(chunks);
    }

    public ChunkGraph chunk(int index) {
        return index < chunks.size() ? chunks.get(index) : ChunkGraph.EMPTY;
    }
}
