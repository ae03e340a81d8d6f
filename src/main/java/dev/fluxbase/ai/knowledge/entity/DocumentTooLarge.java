package dev.fluxbase.ai.knowledge.entity;

/** An upload past one of the {@link UploadLimits}; the message says which. */
public class DocumentTooLarge extends KnowledgeException {

    private static final long serialVersionUID = 1L;

    public DocumentTooLarge(String message) {
        super(message);
    }
}
