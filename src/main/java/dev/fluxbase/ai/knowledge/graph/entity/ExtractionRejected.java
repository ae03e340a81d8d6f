package dev.fluxbase.ai.knowledge.graph.entity;

/** A model's extraction answer that is not the JSON asked for; the chunk then contributes nothing to the graph. */
public class ExtractionRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExtractionRejected(String message) {
        super(message);
    }
}
