package dev.fluxbase.ai.knowledge.entity;

/** What a new knowledge base gets when its creator does not say: Fluxbase's defaults. */
public final class KnowledgeBaseDefaults {

    public static final int CHUNK_SIZE = 512;
    public static final int CHUNK_OVERLAP = 50;
    public static final String STRATEGY = "recursive";

    private KnowledgeBaseDefaults() {
    }
}
