package dev.fluxbase.ai.knowledge.entity;

/** A knowledge-base operation that cannot be done; the message is shown to the administrator or stored as the reason. */
public class KnowledgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KnowledgeException(String message) {
        super(message);
    }

    public KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
