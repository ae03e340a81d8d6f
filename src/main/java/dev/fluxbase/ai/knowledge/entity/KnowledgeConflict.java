package dev.fluxbase.ai.knowledge.entity;

/** A name already taken in its namespace; answered with 409. */
public class KnowledgeConflict extends KnowledgeException {

    private static final long serialVersionUID = 1L;

    public KnowledgeConflict(String message, Throwable cause) {
        super(message, cause);
    }
}
