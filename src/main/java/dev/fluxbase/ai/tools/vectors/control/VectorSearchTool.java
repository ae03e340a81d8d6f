package dev.fluxbase.ai.tools.vectors.control;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code vector_search}: Fluxbase's older name of {@code search_vectors}, kept for chatbot files that use it. */
@ApplicationScoped
public class VectorSearchTool extends SearchVectorsTool {

    public VectorSearchTool() {
        super("vector_search");
    }
}
